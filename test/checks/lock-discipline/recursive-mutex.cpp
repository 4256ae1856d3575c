// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// A recursive_mutex must be unlocked as many times as it was locked.
#include <mutex>

std::recursive_mutex Mu;
int Value;

void nestedBad() {
  Mu.lock();
  Mu.lock();
  Value++;
  Mu.unlock();
}
// CHECK-NOTES: :[[@LINE-1]]:1: warning: 'Mu' is still held when 'nestedBad' returns [racelint-lock-discipline]
// CHECK-NOTES: :[[@LINE-6]]:6: note: 'Mu' acquired here

void nestedGood() {
  Mu.lock();
  Mu.lock();
  Value++;
  Mu.unlock();
  Mu.unlock();
}

void guardsNestedGood() {
  std::lock_guard<std::recursive_mutex> Outer(Mu);
  std::lock_guard<std::recursive_mutex> Inner(Mu);
  Value++;
}

void tooManyUnlocksBad() {
  Mu.lock();
  Value++;
  Mu.unlock();
  Mu.unlock();
  // CHECK-NOTES: :[[@LINE-1]]:6: warning: 'Mu' is unlocked twice [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-3]]:6: note: 'Mu' already released here
}
