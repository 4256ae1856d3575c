// RUN: %check_racelint %s racelint-thread-capture %t -- -std=c++17 -pthread
// Threads started in a loop share the captured counter with each other.
#include <atomic>
#include <thread>
#include <vector>

int parallelSum() {
  int Sum = 0;
  std::vector<std::thread> Pool;
  for (int I = 0; I < 4; ++I)
    Pool.emplace_back([&Sum, I] { Sum += I; });
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: 'Sum' is updated while another thread that shares it by reference may still be running [racelint-thread-capture]
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
