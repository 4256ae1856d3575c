// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// try_lock holds the mutex on the true branch only: unlocking on the false
// branch is a defect, so is forgetting to unlock on the true one.
#include <mutex>

std::mutex Mu;
int Value;

void unlockOnFailureBad() {
  if (Mu.try_lock()) {
    Value++;
    Mu.unlock();
  } else {
    Mu.unlock();
    // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'Mu' is unlocked on a path where its try-lock failed [racelint-lock-discipline]
    // CHECK-NOTES: :[[@LINE-6]]:10: note: try-lock of 'Mu' here; on failure it is not held
  }
}

void bothBranchesGood() {
  if (Mu.try_lock()) {
    Value++;
    Mu.unlock();
  } else {
    Value--;
  }
}

void negatedGood() {
  if (!Mu.try_lock())
    return;
  Value++;
  Mu.unlock();
}

void forgetOnSuccessBad() {
  if (Mu.try_lock())
    Value++;
}
// CHECK-NOTES: :[[@LINE-1]]:1: warning: 'Mu' is still held when 'forgetOnSuccessBad' returns [racelint-lock-discipline]
// CHECK-NOTES: :[[@LINE-4]]:10: note: 'Mu' acquired here

void spinGood() {
  while (!Mu.try_lock()) {
  }
  Value++;
  Mu.unlock();
}
