// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// lock()/unlock() on a unique_lock change what it owns; calling them in the
// wrong state throws std::system_error.
#include <mutex>

std::mutex Mu;
int Value;

void unlockRelockGood() {
  std::unique_lock<std::mutex> L(Mu);
  Value++;
  L.unlock();
  Value--;
  L.lock();
  Value++;
}

void doubleUnlockBad() {
  std::unique_lock<std::mutex> L(Mu);
  L.unlock();
  L.unlock();
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'L' does not own its mutex here; unlocking it throws std::system_error [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-4]]:32: note: 'L' created here
}

void lockOwnedBad() {
  std::unique_lock<std::mutex> L(Mu);
  L.lock();
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'L' already owns its mutex; locking it again throws std::system_error [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-3]]:32: note: 'L' created here
}

void guardTryLockGood() {
  std::unique_lock<std::mutex> L(Mu, std::defer_lock);
  if (L.try_lock())
    Value++;
}

void manualUnlockOfGuardedBad() {
  std::unique_lock<std::mutex> L(Mu);
  Mu.unlock();
  // CHECK-NOTES: :[[@LINE-1]]:6: warning: 'Mu' is unlocked by hand while guard 'L' owns it; the guard unlocks it again when destroyed [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-3]]:32: note: 'Mu' acquired by the guard here
}

void unlockedGuardThenManualGood() {
  std::unique_lock<std::mutex> L(Mu);
  L.unlock();
  Mu.lock();
  Value++;
  Mu.unlock();
}
