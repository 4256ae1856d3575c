// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// A lambda body is a function of its own: it must release what it takes.
#include <mutex>
#include <thread>

std::mutex Mu;
int Value;

void spawnBad() {
  std::thread T([] {
    Mu.lock();
    Value++;
  });
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'Mu' is still held when the lambda returns [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-4]]:8: note: 'Mu' acquired here
  T.join();
}

void spawnGood() {
  std::thread T([] {
    std::lock_guard<std::mutex> G(Mu);
    Value++;
  });
  T.join();
}

void lockAroundLambdaGood() {
  auto Work = [] { Value++; };
  Mu.lock();
  Work();
  Mu.unlock();
}
