// RUN: %check_racelint %s racelint-nonatomic-rmw %t -- -std=c++17
// a.store(a.load() + n) becomes a.fetch_add(n), keeping the store's order.
#include <atomic>

std::atomic<long> Seq;
std::atomic<long> Gen;
std::atomic<long> Mixed;

void next() {
  Seq.store(Seq.load() + 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Seq' is stored from its own earlier load; another thread's update in between is lost [racelint-nonatomic-rmw]
  // CHECK-FIXES: {{^}}  Seq.fetch_add(1);{{$}}
  Gen.store(Gen.load(std::memory_order_relaxed) - 2, std::memory_order_relaxed);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Gen' is stored from its own earlier load; another thread's update in between is lost [racelint-nonatomic-rmw]
  // CHECK-FIXES: {{^}}  Gen.fetch_sub(2, std::memory_order_relaxed);{{$}}
  // Different orders on the load and the store: no automatic rewrite.
  Mixed.store(Mixed.load(std::memory_order_acquire) + 1, std::memory_order_relaxed);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Mixed' is stored from its own earlier load; another thread's update in between is lost [racelint-nonatomic-rmw]
  // CHECK-FIXES: {{^}}  Mixed.store(Mixed.load(std::memory_order_acquire) + 1, std::memory_order_relaxed);{{$}}
  Seq.fetch_add(1);
}
