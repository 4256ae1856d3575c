// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// std::lock(a, b, ...) locks every argument; deferred guards passed to it
// then own their mutexes.
#include <mutex>

std::mutex A, B, C;
int Value;

void lockAllBad() {
  std::lock(A, B, C);
  Value++;
  A.unlock();
  B.unlock();
}
// CHECK-NOTES: :[[@LINE-1]]:1: warning: 'C' is still held when 'lockAllBad' returns [racelint-lock-discipline]
// CHECK-NOTES: :[[@LINE-6]]:3: note: 'C' acquired here

void lockAllGood() {
  std::lock(A, B, C);
  Value++;
  A.unlock();
  B.unlock();
  C.unlock();
}

void deferredGuardsGood() {
  std::unique_lock<std::mutex> LA(A, std::defer_lock);
  std::unique_lock<std::mutex> LB(B, std::defer_lock);
  std::lock(LA, LB);
  Value++;
}

void alreadyHeldBad() {
  A.lock();
  std::lock(A, B);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'A' is locked again while already held; it is not recursive, so this deadlocks [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-3]]:5: note: 'A' first acquired here
  A.unlock();
  B.unlock();
}
