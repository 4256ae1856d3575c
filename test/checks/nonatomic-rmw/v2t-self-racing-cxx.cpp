// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c++20 -pthread
// Self-races in C++: a thread function started in a loop, from two
// std::thread objects, by a std::async launched twice, or by a thread
// that is itself started several times runs as several threads at once;
// started once, or run one after the other, it does not.
#include <future>
#include <thread>
#include <vector>

namespace {

int Served;
int Warmed;
void serve() {
  ++Served;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: non-atomic read-modify-write of shared 'Served' with no lock held [racelint-nonatomic-rmw]
}
void warm() { ++Warmed; }

void poolOfServers() {
  std::vector<std::thread> Pool;
  for (int I = 0; I < 4; ++I)
    Pool.emplace_back(serve);
  for (auto &T : Pool)
    T.join();
}

void singleWarmer() {
  std::thread T(warm);
  T.join();
}

long Rx;
long Tx;
void pumpRx() {
  Rx += 64;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: non-atomic read-modify-write of shared 'Rx' with no lock held [racelint-nonatomic-rmw]
}
void pumpTx() { Tx += 64; }

void twoObjectsOneEntry() {
  std::thread A(pumpRx), B(pumpRx);
  A.join();
  B.join();
}

void oneAfterTheOther() {
  std::thread A(pumpTx);
  A.join();
  std::thread B(pumpTx);
  B.join();
}

int Scans;
int Sweeps;
int scan() {
  Scans = Scans + 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: non-atomic read-modify-write of shared 'Scans' with no lock held [racelint-nonatomic-rmw]
  return 0;
}
int sweep() {
  Sweeps = Sweeps + 1;
  return 0;
}

int asyncTwice() {
  auto F = std::async(std::launch::async, scan);
  auto G = std::async(std::launch::async, scan);
  return F.get() + G.get();
}

int asyncInTurn() {
  auto F = std::async(std::launch::async, sweep);
  int R = F.get();
  auto G = std::async(std::launch::async, sweep);
  return R + G.get();
}

int Nested;
int Outer;
void innerNoop() {}
void handler() {
  Nested += 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: non-atomic read-modify-write of shared 'Nested' with no lock held [racelint-nonatomic-rmw]
  std::thread H(innerNoop);
  H.join();
}
void outerOnce() {
  Outer += 1;
  std::thread H(innerNoop);
  H.join();
}

void nestedMany() {
  std::thread W[3];
  for (auto &T : W)
    T = std::thread(handler);
  for (auto &T : W)
    T.join();
}

void nestedOne() {
  std::thread T(outerOnce);
  T.join();
}

} // namespace

int main() {
  poolOfServers();
  singleWarmer();
  twoObjectsOneEntry();
  oneAfterTheOther();
  asyncTwice();
  asyncInTurn();
  nestedMany();
  nestedOne();
  return Warmed + static_cast<int>(Tx) + Sweeps + Outer;
}
