// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-nonatomic-rmw %t -- -std=c++17 -pthread
// The spawning function may touch shared data before the thread starts and
// after it is joined; between the two it races with the thread.
#include <thread>

int Progress;
int Settings;

void run() { Progress += Settings; }
// CHECK-MESSAGES: :[[@LINE-1]]:14: warning: non-atomic read-modify-write of shared 'Progress' with no lock held [racelint-nonatomic-rmw]

int main() {
  Settings = 4;
  Progress = 0;
  std::thread T(run);
  Progress = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Progress' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  T.join();
  Progress = 2;
  return Progress + Settings;
}
