// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// break and continue leave a loop body: a manual lock must be released on
// those edges too; a guard declared in the body is.
#include <mutex>

std::mutex Mu;
int Items[16];

int breakBad() {
  int Sum = 0;
  for (int I = 0; I < 16; ++I) {
    Mu.lock();
    if (Items[I] < 0)
      break;
    Sum += Items[I];
    Mu.unlock();
  }
  return Sum;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'Mu' may still be held when 'breakBad' returns [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-8]]:8: note: 'Mu' acquired here
}

int breakGood() {
  int Sum = 0;
  for (int I = 0; I < 16; ++I) {
    Mu.lock();
    if (Items[I] < 0) {
      Mu.unlock();
      break;
    }
    Sum += Items[I];
    Mu.unlock();
  }
  return Sum;
}

int continueBad() {
  int Sum = 0;
  for (int I = 0; I < 16; ++I) {
    Mu.lock();
    // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'Mu' may be locked twice: it is still held here on some paths, and it is not recursive, so those paths deadlock [racelint-lock-discipline]
    // CHECK-NOTES: :[[@LINE-2]]:8: note: 'Mu' acquired here by an earlier iteration that did not release it
    if (Items[I] < 0)
      continue;
    Sum += Items[I];
    Mu.unlock();
  }
  return Sum;
}

int guardInBodyGood() {
  int Sum = 0;
  for (int I = 0; I < 16; ++I) {
    std::lock_guard<std::mutex> G(Mu);
    if (Items[I] < 0)
      continue;
    if (Items[I] > 100)
      break;
    Sum += Items[I];
  }
  return Sum;
}

void whileLoopGood(int N) {
  while (N-- > 0) {
    Mu.lock();
    Items[0]++;
    Mu.unlock();
  }
}

void doWhileGood(int N) {
  do {
    std::unique_lock<std::mutex> L(Mu);
    Items[1]++;
  } while (--N > 0);
}

void lockOutsideLoopGood(int N) {
  Mu.lock();
  for (int I = 0; I < N; ++I)
    Items[I % 16]++;
  Mu.unlock();
}
