// RUN: %check_racelint %s racelint-nonatomic-rmw %t -- -std=c++17 -pthread
// Silent where no other thread can run at the same time: before the thread
// starts, after its join, inside std::call_once, on thread-confined data.
// Each silent case sits beside a defect that differs only in that respect.
#include <mutex>
#include <thread>
#include <vector>

int Phase;
int Rounds;
int Inits;
int DirectInits;
std::once_flag InitOnce;

void work() { Phase++; }
// CHECK-MESSAGES: :[[@LINE-1]]:15: warning: non-atomic read-modify-write of shared 'Phase' with no lock held [racelint-nonatomic-rmw]

void init() { Inits++; }
void directInit() { DirectInits++; }
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: non-atomic read-modify-write of shared 'DirectInits' with no lock held [racelint-nonatomic-rmw]

void worker() {
  // Silent: std::call_once runs init once, ordered before every caller.
  std::call_once(InitOnce, init);
  // Defect twin: the same initialization called by every thread.
  directInit();
}

int main() {
  // Silent: before the first thread starts.
  Rounds++;
  Phase++;
  std::thread T(work);
  // Defect twin: between the spawn and the join, main races with T.
  Phase++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: non-atomic read-modify-write of shared 'Phase' with no lock held [racelint-nonatomic-rmw]
  T.join();
  // Silent: after the join.
  Phase++;
  Rounds++;
  return Phase + Rounds;
}

// Silent: a local the threads never see is thread-confined.
int confined() {
  int Local = 0;
  std::thread U([] {
    int Mine = 0;
    Mine++;
  });
  Local++;
  U.join();
  return Local;
}

int Stage;

void stage() { Stage++; }

// Joins are matched to their thread through the handle: A is joined before
// the `Stage++` below, and no other thread touches Stage, so neither
// increment races.
void twoPhases() {
  std::thread A(stage);
  A.join();
  Stage++;
  std::vector<std::thread> Pool;
  for (int I = 0; I < 2; ++I)
    Pool.emplace_back(worker);
  for (auto &W : Pool)
    W.join();
}
