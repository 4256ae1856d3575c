// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// timed_mutex::try_lock_for/try_lock_until hold the lock only when they
// return true.
#include <chrono>
#include <mutex>

std::timed_mutex Mu;
int Value;

void tryForBad() {
  if (!Mu.try_lock_for(std::chrono::milliseconds(10)))
    return;
  Value++;
}
// CHECK-NOTES: :[[@LINE-1]]:1: warning: 'Mu' is still held when 'tryForBad' returns [racelint-lock-discipline]
// CHECK-NOTES: :[[@LINE-5]]:11: note: 'Mu' acquired here

void tryForGood() {
  if (!Mu.try_lock_for(std::chrono::milliseconds(10)))
    return;
  Value++;
  Mu.unlock();
}

void tryUntilBad() {
  auto Deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
  if (Mu.try_lock_until(Deadline))
    Value++;
  Mu.unlock();
  // CHECK-NOTES: :[[@LINE-1]]:6: warning: 'Mu' is unlocked here but is not held on every path to this point [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-4]]:10: note: 'Mu' acquired here on some paths only
}

void tryUntilGood() {
  auto Deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
  if (Mu.try_lock_until(Deadline)) {
    Value++;
    Mu.unlock();
  }
}

void plainLockGood() {
  Mu.lock();
  Value++;
  Mu.unlock();
}
