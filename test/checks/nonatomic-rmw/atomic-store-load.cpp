// RUN: %check_racelint %s racelint-nonatomic-rmw %t -- -std=c++17
// a.store(a.load() op n) becomes a.fetch_op(n), keeping the store's memory
// order. Each defect is followed by its twin.
#include <atomic>

std::atomic<long> Seq;
std::atomic<long> Gen;
std::atomic<long> Mixed;
std::atomic<unsigned> Bits;
std::atomic<long> Scaled;

void next() {
  // Case 1: default order.
  Seq.store(Seq.load() + 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Seq' is stored from its own earlier load; another thread's update in between is lost [racelint-nonatomic-rmw]
  // CHECK-FIXES: {{^}}  Seq.fetch_add(1);{{$}}
  // Twin.
  Seq.fetch_add(1);
  // Case 2: an explicit order on both, kept.
  Gen.store(Gen.load(std::memory_order_relaxed) - 2, std::memory_order_relaxed);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Gen' is stored from its own earlier load; another thread's update in between is lost [racelint-nonatomic-rmw]
  // CHECK-FIXES: {{^}}  Gen.fetch_sub(2, std::memory_order_relaxed);{{$}}
  // Twin.
  Gen.fetch_sub(2, std::memory_order_relaxed);
  // Case 3: different orders on the load and the store: no automatic
  // rewrite.
  Mixed.store(Mixed.load(std::memory_order_acquire) + 1, std::memory_order_relaxed);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Mixed' is stored from its own earlier load; another thread's update in between is lost [racelint-nonatomic-rmw]
  // CHECK-FIXES: {{^}}  Mixed.store(Mixed.load(std::memory_order_acquire) + 1, std::memory_order_relaxed);{{$}}
  // Twin.
  Mixed.fetch_add(1, std::memory_order_acq_rel);
  // Case 4: bitwise, commutative operand order, release order.
  Bits.store(0x10u | Bits.load(), std::memory_order_release);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Bits' is stored from its own earlier load; another thread's update in between is lost [racelint-nonatomic-rmw]
  // CHECK-FIXES: {{^}}  Bits.fetch_or(0x10u, std::memory_order_release);{{$}}
  Bits.store(Bits.load() ^ 0x1u);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Bits' is stored from its own earlier load; another thread's update in between is lost [racelint-nonatomic-rmw]
  // CHECK-FIXES: {{^}}  Bits.fetch_xor(0x1u);{{$}}
  // Twins.
  Bits.fetch_or(0x10u, std::memory_order_release);
  Bits.fetch_xor(0x1u);
  // Case 5: * has no fetch_ form: a note, no edit.
  Scaled.store(Scaled.load() * 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Scaled' is stored from its own earlier load; another thread's update in between is lost [racelint-nonatomic-rmw]
  // CHECK-FIXES: {{^}}  Scaled.store(Scaled.load() * 2);{{$}}
  // Twin: a compare-exchange loop.
  long Old = Scaled.load();
  while (!Scaled.compare_exchange_weak(Old, Old * 2)) {
  }
  // Twin: storing another atomic's value.
  Scaled.store(Seq.load() + 1);
}
