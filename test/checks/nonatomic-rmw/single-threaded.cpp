// RUN: %check_racelint %s racelint-nonatomic-rmw %t -- -std=c++17
// A program whose main() starts no thread is single-threaded: silent.
#include <atomic>

int Counter;
std::atomic<int> Ticks;

int main() {
  for (int I = 0; I < 10; ++I) {
    Counter++;
    Ticks = Ticks + 1;
  }
  return Counter + Ticks;
}
