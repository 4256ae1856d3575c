// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// shared_mutex in shared mode: lock_shared pairs with unlock_shared.
#include <shared_mutex>

std::shared_mutex Mu;
int Value;

int readGood() {
  Mu.lock_shared();
  int V = Value;
  Mu.unlock_shared();
  return V;
}

int readLeakBad(bool Quick) {
  Mu.lock_shared();
  if (Quick)
    return 0;
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Mu' is still held when 'readLeakBad' returns [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-4]]:6: note: 'Mu' acquired here
  int V = Value;
  Mu.unlock_shared();
  return V;
}

int readWrongUnlockBad() {
  Mu.lock_shared();
  int V = Value;
  Mu.unlock();
  // CHECK-NOTES: :[[@LINE-1]]:6: warning: 'Mu' is held in shared mode but released with the exclusive unlock [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-4]]:6: note: 'Mu' acquired here
  return V;
}

void writeGood() {
  Mu.lock();
  Value++;
  Mu.unlock();
}

void writeWrongUnlockBad() {
  Mu.lock();
  Value++;
  Mu.unlock_shared();
  // CHECK-NOTES: :[[@LINE-1]]:6: warning: 'Mu' is held in exclusive mode but released with the shared unlock [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-4]]:6: note: 'Mu' acquired here
}

void readTwiceBad() {
  Mu.lock_shared();
  Mu.lock_shared();
  // CHECK-NOTES: :[[@LINE-1]]:6: warning: 'Mu' is locked again while already held; it is not recursive, so this deadlocks [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-3]]:6: note: 'Mu' first acquired here
  Mu.unlock_shared();
}
