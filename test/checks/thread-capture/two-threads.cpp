// RUN: %check_racelint %s racelint-thread-capture,racelint-unguarded-shared-state,racelint-nonatomic-rmw %t -- -std=c++17 -pthread
// Two threads share a local by reference and one writes it. A race between
// two threads is the plain race checks' (nonatomic-rmw, unguarded-shared-
// state); thread-capture reports the spawner's own accesses.
#include <mutex>
#include <thread>

int twoWriters() {
  int Total = 0;
  std::thread A([&] { Total += 1; });
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: non-atomic read-modify-write of 'Total', shared by reference between threads, with no lock held [racelint-nonatomic-rmw]
  std::thread B([&] { Total += 2; });
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: non-atomic read-modify-write of 'Total', shared by reference between threads, with no lock held [racelint-nonatomic-rmw]
  A.join();
  B.join();
  return Total;
}

int twoWritersLocked() {
  int Total = 0;
  std::mutex Mu;
  std::thread A([&] {
    std::lock_guard<std::mutex> G(Mu);
    Total += 1;
  });
  std::thread B([&] {
    std::lock_guard<std::mutex> G(Mu);
    Total += 2;
  });
  A.join();
  B.join();
  return Total;
}
