// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// unique_lock(m, adopt_lock) releases a mutex locked earlier by hand.
#include <mutex>

std::mutex A, B;
int Value;

void adoptBothGood() {
  std::lock(A, B);
  std::unique_lock<std::mutex> LA(A, std::adopt_lock);
  std::unique_lock<std::mutex> LB(B, std::adopt_lock);
  Value++;
}

void adoptOneBad() {
  std::lock(A, B);
  std::unique_lock<std::mutex> LA(A, std::adopt_lock);
  Value++;
}
// CHECK-NOTES: :[[@LINE-1]]:1: warning: 'B' is still held when 'adoptOneBad' returns [racelint-lock-discipline]
// CHECK-NOTES: :[[@LINE-5]]:3: note: 'B' acquired here

void adoptThenUnlockEarlyGood() {
  A.lock();
  std::unique_lock<std::mutex> L(A, std::adopt_lock);
  Value++;
  L.unlock();
  Value--;
}
