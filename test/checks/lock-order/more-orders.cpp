// RUN: %check_racelint %s racelint-lock-order %t -- -std=c++17
// Annotated locks, a four-level call chain, lambdas run as threads, and a
// three-lock cycle under a gate.
#include <mutex>
#include <thread>

// --- A mutex type with Clang's capability attributes (no std::mutex).
class __attribute__((capability("mutex"))) SpinLock {
public:
  void lock() __attribute__((acquire_capability()));
  void unlock() __attribute__((release_capability()));
};
SpinLock TreeLock, NodeLock, ArenaLock;
int Nodes, Arena;
void insertNode() {
  TreeLock.lock();
  NodeLock.lock();
  Nodes++;
  NodeLock.unlock();
  TreeLock.unlock();
}
void rebalance() {
  NodeLock.lock();
  TreeLock.lock();
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'TreeLock' is acquired while 'NodeLock' is held, but 'insertNode' acquires them in the opposite order; two threads taking both orders can deadlock [racelint-lock-order]
  Nodes--;
  TreeLock.unlock();
  NodeLock.unlock();
}
// Twin: the arena is always last.
void allocNode() {
  TreeLock.lock();
  ArenaLock.lock();
  Arena++;
  ArenaLock.unlock();
  TreeLock.unlock();
}
void freeNode() {
  NodeLock.lock();
  ArenaLock.lock();
  Arena--;
  ArenaLock.unlock();
  NodeLock.unlock();
}

// --- Four calls deep.
std::mutex OuterMu, InnerMu;
int Depth;
void level4() { std::lock_guard<std::mutex> G(InnerMu); Depth++; }
void level3() { level4(); }
void level2() { level3(); }
void level1() { level2(); }
void outerFirst() {
  std::lock_guard<std::mutex> G(OuterMu);
  level1();
}
void innerFirst() {
  std::lock_guard<std::mutex> G(InnerMu);
  std::lock_guard<std::mutex> H(OuterMu);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'OuterMu' is acquired while 'InnerMu' is held, but 'outerFirst' acquires them in the opposite order; two threads taking both orders can deadlock [racelint-lock-order]
  Depth = 0;
}

// --- Lambdas as thread bodies.
std::mutex QueueMu, StatsMu;
int Queued, Stats;
void startWorkers() {
  std::thread Producer([] {
    std::lock_guard<std::mutex> Q(QueueMu);
    std::lock_guard<std::mutex> S(StatsMu);
    Queued++;
    Stats++;
  });
  std::thread Reporter([] {
    std::lock_guard<std::mutex> S(StatsMu);
    std::lock_guard<std::mutex> Q(QueueMu);
    // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: 'QueueMu' is acquired while 'StatsMu' is held, but the lambda acquires them in the opposite order; two threads taking both orders can deadlock [racelint-lock-order]
    Stats = Queued;
  });
  Producer.join();
  Reporter.join();
}

// --- Three locks in a cycle, every side under one gate: serialised.
std::mutex Gate, P, Q, R;
int Cycle;
void pq() { std::lock_guard<std::mutex> G(Gate); std::lock_guard<std::mutex> A(P); std::lock_guard<std::mutex> B(Q); Cycle++; }
void qr() { std::lock_guard<std::mutex> G(Gate); std::lock_guard<std::mutex> A(Q); std::lock_guard<std::mutex> B(R); Cycle++; }
void rp() { std::lock_guard<std::mutex> G(Gate); std::lock_guard<std::mutex> A(R); std::lock_guard<std::mutex> B(P); Cycle++; }
