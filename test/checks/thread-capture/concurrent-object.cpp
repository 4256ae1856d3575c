// RUN: %check_racelint %s racelint-thread-capture,racelint-unguarded-shared-state %t -- -std=c++17 -pthread
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
    // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: 'T' is written while another thread that shares it by reference may still be running [racelint-thread-capture]
  }
  for (std::thread &W : Workers)
    W.join();
  return T.Sum;
}
