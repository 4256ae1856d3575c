// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// scoped_lock(adopt_lock, m...) takes over mutexes the thread already holds.
#include <mutex>

std::mutex A, B;
int Value;

void adoptGood(bool Early) {
  std::lock(A, B);
  std::scoped_lock L(std::adopt_lock, A, B);
  if (Early)
    return;
  Value++;
}

void adoptPartialBad(bool Early) {
  std::lock(A, B);
  std::scoped_lock L(std::adopt_lock, A);
  if (Early)
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'B' is still held when 'adoptPartialBad' returns [racelint-lock-discipline]
  Value++;
  B.unlock();
}

void adoptPartialGood(bool Early) {
  std::lock(A, B);
  std::scoped_lock L(std::adopt_lock, A);
  B.unlock();
  if (Early)
    return;
  Value++;
}
