// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// A throw leaves the function (or reaches a handler): manual locks stay
// held, guards release during unwinding.
#include <mutex>
#include <stdexcept>

std::mutex Mu;
int Value;

void throwBad(int N) {
  Mu.lock();
  if (N < 0)
    throw std::invalid_argument("negative");
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Mu' is still held when 'throwBad' exits by throwing [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-4]]:6: note: 'Mu' acquired here
  Value += N;
  Mu.unlock();
}

void throwGuardGood(int N) {
  std::lock_guard<std::mutex> G(Mu);
  if (N < 0)
    throw std::invalid_argument("negative");
  Value += N;
}

void throwUnlockFirstGood(int N) {
  Mu.lock();
  if (N < 0) {
    Mu.unlock();
    throw std::invalid_argument("negative");
  }
  Value += N;
  Mu.unlock();
}

void caughtGuardGood(int N) {
  try {
    std::lock_guard<std::mutex> G(Mu);
    if (N < 0)
      throw 1;
    Value += N;
  } catch (int) {
    Value = 0;
  }
  Mu.lock();
  Value++;
  Mu.unlock();
}

void caughtManualBad(int N) {
  try {
    Mu.lock();
    if (N < 0)
      throw 1;
    Value += N;
    Mu.unlock();
  } catch (...) {
    Value = 0;
  }
}
// CHECK-NOTES: :[[@LINE-1]]:1: warning: 'Mu' is still held when 'caughtManualBad' returns [racelint-lock-discipline]
// CHECK-NOTES: :[[@LINE-10]]:8: note: 'Mu' acquired here

void rethrowGood() {
  Mu.lock();
  try {
    Value++;
  } catch (...) {
    Mu.unlock();
    throw;
  }
  Mu.unlock();
}
