// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// unique_lock(m, defer_lock) owns nothing until lock() is called.
#include <mutex>

std::mutex Mu;
int Value;

void deferThenLockGood() {
  std::unique_lock<std::mutex> L(Mu, std::defer_lock);
  Value--;
  L.lock();
  Value++;
}

void deferMaybeLockGood(bool Need) {
  std::unique_lock<std::mutex> L(Mu, std::defer_lock);
  if (Need)
    L.lock();
  Value++;
}

void deferUnlockBad() {
  std::unique_lock<std::mutex> L(Mu, std::defer_lock);
  Value++;
  L.unlock();
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'L' does not own its mutex here; unlocking it throws std::system_error [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-4]]:32: note: 'L' created here
}

void deferManualLockGood() {
  std::unique_lock<std::mutex> L(Mu, std::defer_lock);
  Mu.lock();
  Value++;
  Mu.unlock();
}
