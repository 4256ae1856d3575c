// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// Unlocking a mutex that this function already unlocked is undefined
// behaviour; unlocking once on each path is fine.
#include <mutex>

std::mutex Mu;
int Value;

void unlockTwiceBad() {
  Mu.lock();
  Value++;
  Mu.unlock();
  Mu.unlock();
  // CHECK-NOTES: :[[@LINE-1]]:6: warning: 'Mu' is unlocked twice [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-3]]:6: note: 'Mu' already released here
}

void unlockOnEachPathGood(bool Fast) {
  Mu.lock();
  if (Fast) {
    Mu.unlock();
    return;
  }
  Value++;
  Mu.unlock();
}

void unlockAfterBranchBad(bool Fast) {
  Mu.lock();
  if (Fast)
    Mu.unlock();
  Value++;
  Mu.unlock();
  // CHECK-NOTES: :[[@LINE-1]]:6: warning: 'Mu' is unlocked here but is not held on every path to this point [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-6]]:6: note: 'Mu' acquired here on some paths only
}

// Unlocking a mutex the caller locked is a hand-off, not a defect.
void unlockCallersLockGood() {
  Value++;
  Mu.unlock();
}
