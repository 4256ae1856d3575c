// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c++17 -pthread
// A lock-free queue whose indices are atomic but whose cells are plain
// memory: the producer's store into a cell and the consumer's load of it
// are not ordered by anything the cells themselves provide, so both sides
// race. The twin queue keeps its cells atomic. A plain counter bumped by
// every pusher of a lock-free stack loses updates; the twin is atomic.
#include <atomic>
#include <cstdint>

class Spsc {
public:
  bool offer(long V) {
    uint32_t W = WriteIx.load(std::memory_order_relaxed);
    if (W - ReadIx.load(std::memory_order_acquire) == 32)
      return false;
    Cells[W & 31] = V;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Cells[W & 31]' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
    WriteIx.store(W + 1, std::memory_order_release);
    return true;
  }
  bool poll(long &Out) {
    uint32_t R = ReadIx.load(std::memory_order_relaxed);
    if (R == WriteIx.load(std::memory_order_acquire))
      return false;
    Out = Cells[R & 31];
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'Cells[R & 31]' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
    ReadIx.store(R + 1, std::memory_order_release);
    return true;
  }

private:
  std::atomic<uint32_t> WriteIx{0}, ReadIx{0};
  long Cells[32];
};

class SpscAtomic {
public:
  bool offer(long V) {
    uint32_t W = WriteIx.load(std::memory_order_relaxed);
    if (W - ReadIx.load(std::memory_order_acquire) == 32)
      return false;
    Cells[W & 31].store(V, std::memory_order_relaxed);
    WriteIx.store(W + 1, std::memory_order_release);
    return true;
  }
  bool poll(long &Out) {
    uint32_t R = ReadIx.load(std::memory_order_relaxed);
    if (R == WriteIx.load(std::memory_order_acquire))
      return false;
    Out = Cells[R & 31].load(std::memory_order_relaxed);
    ReadIx.store(R + 1, std::memory_order_release);
    return true;
  }

private:
  std::atomic<uint32_t> WriteIx{0}, ReadIx{0};
  std::atomic<long> Cells[32];
};

class Stack {
public:
  struct Node {
    Node *Next;
    int Value;
  };
  void push(Node *N) {
    N->Next = Head.load(std::memory_order_relaxed);
    while (!Head.compare_exchange_weak(N->Next, N, std::memory_order_release))
      ;
    Pushes++;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: non-atomic read-modify-write of shared 'Pushes' with no lock held [racelint-nonatomic-rmw]
    Pops.fetch_add(0, std::memory_order_relaxed);
  }
  Node *pop() {
    Node *N = Head.load(std::memory_order_acquire);
    while (N && !Head.compare_exchange_weak(N, N->Next))
      ;
    Pops.fetch_add(1, std::memory_order_relaxed);
    return N;
  }
  long pops() const { return Pops.load(); }

private:
  std::atomic<Node *> Head{nullptr};
  long Pushes = 0;
  std::atomic<long> Pops{0};
};
