// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// A path that ends in abort(), exit() or another noreturn call never
// returns, so a lock held there is not a leak.
#include <cstdlib>
#include <mutex>

std::mutex Mu;
int Value;

[[noreturn]] void fatal(const char *Msg);

void abortGood(int N) {
  Mu.lock();
  if (N < 0)
    abort();
  Value += N;
  Mu.unlock();
}

void exitGood(int N) {
  Mu.lock();
  if (N < 0)
    std::exit(1);
  Value += N;
  Mu.unlock();
}

void userNoreturnGood(int N) {
  Mu.lock();
  if (N < 0)
    fatal("negative");
  Value += N;
  Mu.unlock();
}

void returnInsteadBad(int N) {
  Mu.lock();
  if (N < 0)
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Mu' is still held when 'returnInsteadBad' returns [racelint-lock-discipline]
  Value += N;
  Mu.unlock();
}
