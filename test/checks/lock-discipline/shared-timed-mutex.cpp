// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// shared_timed_mutex: the timed shared try-locks hold on success only.
#include <chrono>
#include <shared_mutex>

std::shared_timed_mutex Mu;
int Value;

int peekGood() {
  if (!Mu.try_lock_shared_for(std::chrono::milliseconds(5)))
    return -1;
  int V = Value;
  Mu.unlock_shared();
  return V;
}

int peekBad() {
  bool Got = Mu.try_lock_shared();
  int V = Value;
  Mu.unlock_shared();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'Mu' is unlocked here but is not held on every path to this point [racelint-lock-discipline]
  (void)Got;
  return V;
}

void writeBad() {
  if (Mu.try_lock_until(std::chrono::steady_clock::now())) {
    Value++;
  }
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: 'Mu' is still held when 'writeBad' returns [racelint-lock-discipline]

void writeGood() {
  if (Mu.try_lock_until(std::chrono::steady_clock::now())) {
    Value++;
    Mu.unlock();
  }
}
