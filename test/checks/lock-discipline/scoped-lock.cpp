// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// scoped_lock locks all its mutexes and releases them at scope exit.
#include <mutex>

std::mutex A, B, C;
int Value;

void threeGood(bool Early) {
  std::scoped_lock L(A, B, C);
  if (Early)
    return;
  Value++;
}

void explicitTypesGood() {
  std::scoped_lock<std::mutex, std::mutex> L(A, B);
  Value++;
}

void relockMemberBad() {
  std::scoped_lock L(A, B);
  B.lock();
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'B' is locked again while already held; it is not recursive, so this deadlocks [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-3]]:20: note: 'B' first acquired here
}

void sequentialScopesGood() {
  {
    std::scoped_lock L(A, B);
    Value++;
  }
  B.lock();
  Value++;
  B.unlock();
}

void manualUnlockBad() {
  std::scoped_lock L(A, B);
  A.unlock();
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'A' is unlocked by hand while guard 'L' owns it; the guard unlocks it again when destroyed [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-3]]:20: note: 'A' acquired by the guard here
}
