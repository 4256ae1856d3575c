// RUN: %check_racelint %s racelint-nonatomic-rmw %t -- -std=c++17 -pthread
// x++ on a global that several threads update loses counts.
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

long Hits;
long HitsLocked;
std::mutex Mu;
std::atomic<long> HitsAtomic;

void handle() {
  Hits++;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: non-atomic read-modify-write of shared 'Hits' with no lock held [racelint-nonatomic-rmw]
  // CHECK-NOTES: :[[@LINE-8]]:6: note: declare 'Hits' std::atomic or guard it with a lock
  {
    std::lock_guard<std::mutex> G(Mu);
    HitsLocked++;
  }
  HitsAtomic++;
}

int main() {
  std::vector<std::thread> Pool;
  for (int I = 0; I < 8; ++I)
    Pool.emplace_back(handle);
  for (auto &T : Pool)
    T.join();
  return static_cast<int>(Hits + HitsLocked + HitsAtomic);
}
