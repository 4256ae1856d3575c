// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// unique_lock(m, try_to_lock) owns the mutex only if owns_lock() (or the
// guard's operator bool) says so.
#include <mutex>

std::mutex Mu;
int Value;

void ownsLockGood() {
  std::unique_lock<std::mutex> L(Mu, std::try_to_lock);
  if (L.owns_lock())
    Value++;
}

void operatorBoolGood() {
  std::unique_lock<std::mutex> L(Mu, std::try_to_lock);
  if (!L)
    return;
  Value++;
  L.unlock();
}

void unlockUncheckedBad() {
  std::unique_lock<std::mutex> L(Mu, std::try_to_lock);
  Value++;
  if (!L.owns_lock()) {
    L.unlock();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'L' does not own its mutex here; unlocking it throws std::system_error [racelint-lock-discipline]
  }
}

void relockWhenOwnedBad() {
  std::unique_lock<std::mutex> L(Mu, std::try_to_lock);
  if (L) {
    L.lock();
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'L' already owns its mutex; locking it again throws std::system_error [racelint-lock-discipline]
  }
}

void lockWhenNotOwnedGood() {
  std::unique_lock<std::mutex> L(Mu, std::try_to_lock);
  if (!L)
    L.lock();
  Value++;
}
