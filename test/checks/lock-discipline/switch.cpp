// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// Each case of a switch is its own path.
#include <mutex>

std::mutex Mu;
int Value;

void switchBad(int Op) {
  switch (Op) {
  case 0:
    Mu.lock();
    Value = 0;
    break;
  case 1:
    Mu.lock();
    Value++;
    Mu.unlock();
    break;
  default:
    break;
  }
}
// CHECK-NOTES: :[[@LINE-1]]:1: warning: 'Mu' is still held when 'switchBad' returns [racelint-lock-discipline]
// CHECK-NOTES: :[[@LINE-13]]:8: note: 'Mu' acquired here

void switchGood(int Op) {
  switch (Op) {
  case 0: {
    std::lock_guard<std::mutex> G(Mu);
    Value = 0;
    break;
  }
  case 1:
    Mu.lock();
    Value++;
    Mu.unlock();
    break;
  default:
    return;
  }
}

void lockAroundSwitchGood(int Op) {
  Mu.lock();
  switch (Op) {
  case 0:
    Value = 0;
    break;
  case 1:
    Value++;
    [[fallthrough]];
  default:
    Value--;
  }
  Mu.unlock();
}
