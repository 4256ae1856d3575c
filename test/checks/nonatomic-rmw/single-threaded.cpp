// RUN: %check_racelint %s racelint-nonatomic-rmw %t -- -std=c++17
// A program whose main() starts no thread is single-threaded: silent, on
// plain storage and on atomics alike. (The threaded twins of these lines
// are the defects of counter-increment.cpp and atomic-split-update.cpp.)
#include <atomic>

int Counter;
std::atomic<int> Ticks;
std::atomic<bool> Started;
bool Ready;

int main() {
  for (int I = 0; I < 10; ++I) {
    Counter++;
    Ticks = Ticks + 1;
    Ticks.store(Ticks.load() + 1);
  }
  if (!Started)
    Started = true;
  if (!Ready)
    Ready = true;
  return Counter + Ticks;
}
