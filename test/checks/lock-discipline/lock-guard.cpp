// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// lock_guard releases on every exit; unlocking its mutex by hand makes the
// destructor unlock it a second time.
#include <mutex>

std::mutex Mu;
int Value;

int guardedReturnsGood(int N) {
  std::lock_guard<std::mutex> G(Mu);
  if (N < 0)
    return -1;
  for (int I = 0; I < N; ++I) {
    if (I == 3)
      break;
    if (I == 1)
      continue;
    Value += I;
  }
  return Value;
}

void ctadGood() {
  std::lock_guard G(Mu);
  Value++;
}

void nestedScopesGood() {
  {
    std::lock_guard<std::mutex> A(Mu);
    Value++;
  }
  {
    std::lock_guard<std::mutex> B(Mu);
    Value--;
  }
}

void manualUnlockBad() {
  std::lock_guard<std::mutex> G(Mu);
  Value++;
  Mu.unlock();
  // CHECK-NOTES: :[[@LINE-1]]:6: warning: 'Mu' is unlocked by hand while guard 'G' owns it; the guard unlocks it again when destroyed [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-4]]:31: note: 'Mu' acquired by the guard here
}
