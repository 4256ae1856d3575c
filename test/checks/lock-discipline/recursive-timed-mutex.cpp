// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// recursive_timed_mutex: re-locking is fine, leaking one level is not.
#include <chrono>
#include <mutex>

std::recursive_timed_mutex Mu;
int Value;

void reenterGood() {
  Mu.lock();
  if (Mu.try_lock_for(std::chrono::milliseconds(1))) {
    Value++;
    Mu.unlock();
  }
  Mu.unlock();
}

void reenterBad() {
  Mu.lock();
  if (Mu.try_lock()) {
    Value++;
    return;
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'Mu' is still held when 'reenterBad' returns [racelint-lock-discipline]
  Mu.unlock();
}
