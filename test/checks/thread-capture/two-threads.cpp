// RUN: %check_racelint %s racelint-thread-capture %t -- -std=c++17 -pthread
// Two threads share a local by reference and one writes it.
#include <mutex>
#include <thread>

int twoWriters() {
  int Total = 0;
  std::thread A([&] { Total += 1; });
  std::thread B([&] { Total += 2; });
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'Total' is updated while another thread that shares it by reference may still be running [racelint-thread-capture]
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
