// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// Inside a guard's scope, unlocking by hand and locking again before the
// guard dies is balanced (a common pattern around slow I/O); forgetting to
// lock again makes the guard unlock twice.
#include <mutex>

std::mutex Mu;
int Data;
void slowIo() {}

void unlockAroundIo() {
  std::lock_guard<std::mutex> Guard(Mu);
  Data = 1;
  Mu.unlock();
  slowIo();
  Mu.lock();
  Data = 2;
}

void forgetsToRelock() {
  std::lock_guard<std::mutex> Guard(Mu);
  Data = 1;
  Mu.unlock();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'Mu' is unlocked by hand while guard 'Guard' owns it; the guard unlocks it again when destroyed [racelint-lock-discipline]
  slowIo();
}
