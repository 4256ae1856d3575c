// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++20
// C++20: jthread bodies, CTAD guards and scoped_lock in lambdas.
#include <mutex>
#include <shared_mutex>
#include <stop_token>
#include <thread>

std::mutex Mu;
std::shared_mutex Rw;
int Value;

void workerGood() {
  std::jthread T([](std::stop_token St) {
    while (!St.stop_requested()) {
      std::scoped_lock L(Mu);
      Value++;
    }
  });
}

void workerBad() {
  std::jthread T([](std::stop_token St) {
    while (!St.stop_requested()) {
      Mu.lock();
      if (Value > 100)
        return;
      // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'Mu' is still held when the lambda returns [racelint-lock-discipline]
      // CHECK-NOTES: :[[@LINE-4]]:10: note: 'Mu' acquired here
      Value++;
      Mu.unlock();
    }
  });
}

int readerGood() {
  std::shared_lock L(Rw);
  return Value;
}

void writerBad() {
  std::unique_lock L(Rw);
  Rw.lock_shared();
  // CHECK-NOTES: :[[@LINE-1]]:6: warning: 'Rw' is locked again while already held; it is not recursive, so this deadlocks [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-3]]:20: note: 'Rw' first acquired here
}
