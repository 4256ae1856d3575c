// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// Locking a std::mutex the thread already holds deadlocks; a
// recursive_mutex may be locked again.
#include <mutex>

std::mutex Mu;
std::recursive_mutex RMu;
int Value;

void relockBad() {
  Mu.lock();
  Mu.lock();
  // CHECK-NOTES: :[[@LINE-1]]:6: warning: 'Mu' is locked again while already held; it is not recursive, so this deadlocks [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-3]]:6: note: 'Mu' first acquired here
  Value++;
  Mu.unlock();
}

void relockRecursiveGood() {
  RMu.lock();
  RMu.lock();
  Value++;
  RMu.unlock();
  RMu.unlock();
}

void guardThenLockBad() {
  std::lock_guard<std::mutex> G(Mu);
  Mu.lock();
  // CHECK-NOTES: :[[@LINE-1]]:6: warning: 'Mu' is locked again while already held; it is not recursive, so this deadlocks [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-3]]:31: note: 'Mu' first acquired here
  Value++;
}

void guardThenLockGood() {
  {
    std::lock_guard<std::mutex> G(Mu);
    Value++;
  }
  Mu.lock();
  Value++;
  Mu.unlock();
}
