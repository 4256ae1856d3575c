// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// shared_lock holds a shared_mutex in shared mode until scope exit.
#include <mutex>
#include <shared_mutex>

std::shared_mutex Mu;
int Value;

int readGood(bool Early) {
  std::shared_lock<std::shared_mutex> L(Mu);
  if (Early)
    return 0;
  return Value;
}

int deferredReadGood() {
  std::shared_lock<std::shared_mutex> L(Mu, std::defer_lock);
  if (!L.try_lock())
    return -1;
  return Value;
}

int readThenWriteLockBad() {
  std::shared_lock<std::shared_mutex> L(Mu);
  int V = Value;
  Mu.lock();
  // CHECK-NOTES: :[[@LINE-1]]:6: warning: 'Mu' is locked again while already held; it is not recursive, so this deadlocks [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-4]]:39: note: 'Mu' first acquired here
  return V;
}

int upgradeGood() {
  int V;
  {
    std::shared_lock<std::shared_mutex> L(Mu);
    V = Value;
  }
  std::unique_lock<std::shared_mutex> W(Mu);
  Value = V + 1;
  return V;
}

void unlockTwiceBad() {
  std::shared_lock<std::shared_mutex> L(Mu);
  L.unlock();
  L.unlock();
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'L' does not own its mutex here; unlocking it throws std::system_error [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-4]]:39: note: 'L' created here
}
