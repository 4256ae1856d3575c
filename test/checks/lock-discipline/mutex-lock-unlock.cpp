// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// A std::mutex locked by hand and never unlocked on the fall-through path;
// the balanced twin stays silent.
#include <mutex>

std::mutex Mu;
int Counter;

void incrementBad() {
  Mu.lock();
  ++Counter;
}
// CHECK-NOTES: :[[@LINE-1]]:1: warning: 'Mu' is still held when 'incrementBad' returns [racelint-lock-discipline]
// CHECK-NOTES: :[[@LINE-4]]:6: note: 'Mu' acquired here

void incrementGood() {
  Mu.lock();
  ++Counter;
  Mu.unlock();
}

struct Account {
  std::mutex Lock;
  int Balance = 0;
  void depositBad(int N) {
    Lock.lock();
    if (N < 0)
      return;
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'Lock' is still held when 'Account::depositBad' returns [racelint-lock-discipline]
    // CHECK-NOTES: :[[@LINE-4]]:10: note: 'Lock' acquired here
    Balance += N;
    Lock.unlock();
  }
  void depositGood(int N) {
    Lock.lock();
    if (N < 0) {
      Lock.unlock();
      return;
    }
    Balance += N;
    Lock.unlock();
  }
};
