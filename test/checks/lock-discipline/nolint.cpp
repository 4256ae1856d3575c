// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// The NOLINT family of comments (same line, next line, begin/end region)
// suppresses findings; the same defect without a comment is still reported.
#include <mutex>

std::mutex Mu;
int Value;

void reportedBad(int N) {
  Mu.lock();
  if (N < 0)
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Mu' is still held when 'reportedBad' returns [racelint-lock-discipline]
  Mu.unlock();
}

void sameLineSuppressed(int N) {
  Mu.lock();
  if (N < 0)
    return; // NOLINT(racelint-lock-discipline)
  Mu.unlock();
}

void nextLineSuppressed() {
  Mu.lock();
  // NOLINTNEXTLINE(racelint-lock-discipline)
  Mu.lock();
  Mu.unlock();
}

// NOLINTBEGIN(racelint-lock-discipline)
void regionSuppressed() {
  Mu.unlock();
  Mu.unlock();
}
// NOLINTEND(racelint-lock-discipline)

void otherCheckNotSuppressedBad() {
  Mu.unlock();
  Mu.unlock(); // NOLINT(racelint-lock-order)
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'Mu' is unlocked twice [racelint-lock-discipline]
}
