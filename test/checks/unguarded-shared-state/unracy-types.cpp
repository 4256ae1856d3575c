// RUN: %check_racelint %s racelint-unguarded-shared-state %t -- -std=c++17 -pthread
// Atomics, thread_local and const globals are not races; a plain int is.
#include <atomic>
#include <thread>

std::atomic<int> Ticks;
thread_local int PerThread;
const int Limit = 10;
int Plain;

void tick() {
  Ticks++;
  Ticks.store(Ticks.load() + 1);
  PerThread++;
  Plain = Limit;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Plain' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
}

int main() {
  std::thread A(tick), B(tick);
  A.join();
  B.join();
  return Plain;
}
