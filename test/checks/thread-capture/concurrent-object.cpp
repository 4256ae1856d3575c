// RUN: %check_racelint %s racelint-thread-capture,racelint-unguarded-shared-state,racelint-nonatomic-rmw %t -- -std=c++17 -pthread
// An object whose class locks internally may be shared by reference; a
// plain aggregate may not.
#include <mutex>
#include <thread>
#include <vector>

class Inventory {
public:
  void reserve(int N) {
    std::lock_guard<std::mutex> L(Mu);
    Count -= N;
  }

private:
  std::mutex Mu;
  int Count = 100;
};

struct Totals {
  void add(int N) { Sum += N; }
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: non-atomic read-modify-write of 'Sum', shared by reference between threads, with no lock held [racelint-nonatomic-rmw]
  int Sum = 0;
};

Inventory Global;

int main() {
  Inventory Inv;
  Totals T;
  std::vector<std::thread> Workers;
  for (int I = 0; I < 4; ++I) {
    Workers.emplace_back([&Inv] { Inv.reserve(1); Global.reserve(1); });
    Workers.emplace_back([&T] { T.add(1); });
  }
  for (std::thread &W : Workers)
    W.join();
  return T.Sum;
}
