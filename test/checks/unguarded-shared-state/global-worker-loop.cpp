// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-nonatomic-rmw %t -- -std=c++17 -pthread
// Workers started in a loop race with each other on a global counter.
#include <mutex>
#include <thread>
#include <vector>

long Processed;
long ProcessedSafe;
std::mutex SafeMu;

void work() {
  for (int I = 0; I < 1000; ++I)
    Processed++;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: non-atomic read-modify-write of shared 'Processed' with no lock held [racelint-nonatomic-rmw]
}

void workSafe() {
  for (int I = 0; I < 1000; ++I) {
    std::lock_guard<std::mutex> Lock(SafeMu);
    ProcessedSafe++;
  }
}

int main() {
  std::vector<std::thread> Pool;
  for (int I = 0; I < 4; ++I) {
    Pool.emplace_back(work);
    Pool.emplace_back(workSafe);
  }
  for (std::thread &T : Pool)
    T.join();
  return Processed + ProcessedSafe > 0 ? 0 : 1;
}
