// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// A switch over every enumerator has an impossible default edge; the
// analysis must walk such CFGs (this once crashed) and still find leaks.
#include <mutex>

enum class Mode { Fast, Slow };
std::mutex Mu;
int Work;

void leakInOneCase(Mode M) {
  Mu.lock();
  switch (M) {
  case Mode::Fast:
    Work = 1;
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Mu' is still held when 'leakInOneCase' returns [racelint-lock-discipline]
  case Mode::Slow:
    Work = 2;
    Mu.unlock();
    return;
  }
}

void balanced(Mode M) {
  std::lock_guard<std::mutex> G(Mu);
  switch (M) {
  case Mode::Fast:
    Work = 1;
    return;
  case Mode::Slow:
    Work = 2;
    return;
  }
}
