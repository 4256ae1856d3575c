// RUN: %check_racelint %s racelint-thread-capture,racelint-unguarded-shared-state,racelint-nonatomic-rmw %t -- -std=c++17 -pthread
// Threads started in a loop share the captured counter with each other:
// a race between instances of one thread, reported by nonatomic-rmw.
#include <atomic>
#include <thread>
#include <vector>

int parallelSum() {
  int Sum = 0;
  std::vector<std::thread> Pool;
  for (int I = 0; I < 4; ++I)
    Pool.emplace_back([&Sum, I] { Sum += I; });
    // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: non-atomic read-modify-write of 'Sum', shared by reference between threads, with no lock held [racelint-nonatomic-rmw]
  for (std::thread &T : Pool)
    T.join();
  return Sum;
}

int parallelSumAtomic() {
  std::atomic<int> Sum{0};
  std::vector<std::thread> Pool;
  for (int I = 0; I < 4; ++I)
    Pool.emplace_back([&Sum, I] { Sum += I; });
  for (std::thread &T : Pool)
    T.join();
  return Sum.load();
}
