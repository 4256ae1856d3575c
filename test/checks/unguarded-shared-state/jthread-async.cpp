// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-nonatomic-rmw %t -- -std=c++20 -pthread
// Lambdas run by std::jthread and std::async are thread entries.
#include <future>
#include <mutex>
#include <thread>

int Events;
int EventsSafe;
std::mutex Mu;

int main() {
  std::jthread A([] { Events += 1; });
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: non-atomic read-modify-write of shared 'Events' with no lock held [racelint-nonatomic-rmw]
  auto F = std::async(std::launch::async, [] {
    Events = 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Events' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
    std::lock_guard<std::mutex> G(Mu);
    EventsSafe = 1;
  });
  std::jthread B([] {
    std::lock_guard<std::mutex> G(Mu);
    EventsSafe += 1;
  });
  F.get();
  return 0;
}
