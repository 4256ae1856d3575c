// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// unique_lock::release() gives up ownership without unlocking: the mutex
// must then be unlocked by hand.
#include <mutex>

std::mutex Mu;
int Value;

void releaseLeakBad() {
  std::unique_lock<std::mutex> L(Mu);
  Value++;
  L.release();
}
// CHECK-NOTES: :[[@LINE-1]]:1: warning: 'Mu' is still held when 'releaseLeakBad' returns [racelint-lock-discipline]
// CHECK-NOTES: :[[@LINE-5]]:32: note: 'Mu' acquired here

void releaseThenUnlockGood() {
  std::unique_lock<std::mutex> L(Mu);
  Value++;
  std::mutex *M = L.release();
  M->unlock();
}

void releaseThenUnlockDirectGood() {
  std::unique_lock<std::mutex> L(Mu);
  Value++;
  L.release();
  Mu.unlock();
}
