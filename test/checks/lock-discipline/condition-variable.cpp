// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// condition_variable(_any)::wait* reacquire the lock before returning.
#include <chrono>
#include <condition_variable>
#include <mutex>

std::mutex Mu;
std::condition_variable Cv;
std::condition_variable_any CvAny;
bool Ready;
int Value;

void waitGood() {
  std::unique_lock<std::mutex> L(Mu);
  Cv.wait(L, [] { return Ready; });
  Value++;
}

bool waitForGood() {
  std::unique_lock<std::mutex> L(Mu);
  if (!Cv.wait_for(L, std::chrono::milliseconds(10), [] { return Ready; }))
    return false;
  Value++;
  return true;
}

void waitAnyGood() {
  Mu.lock();
  while (!Ready)
    CvAny.wait(Mu);
  Value++;
  Mu.unlock();
}

void waitAnyLeakBad() {
  Mu.lock();
  while (!Ready)
    CvAny.wait(Mu);
  if (Value > 10)
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Mu' is still held when 'waitAnyLeakBad' returns [racelint-lock-discipline]
  Value++;
  Mu.unlock();
}

void unlockAfterWaitBad() {
  std::unique_lock<std::mutex> L(Mu);
  Cv.wait(L);
  Mu.unlock();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'Mu' is unlocked by hand while guard 'L' owns it; the guard unlocks it again when destroyed [racelint-lock-discipline]
}
