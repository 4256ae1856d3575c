// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// Conditions Clang folds to constants (do { } while (0) macros, sizeof
// tests) leave impossible edges in the CFG; the analysis follows the
// possible ones only.
#include <mutex>

std::mutex Mu;
int Value;

#define LOCKED_BUMP(M, V)                                                      \
  do {                                                                         \
    (M).lock();                                                                \
    ++(V);                                                                     \
    (M).unlock();                                                              \
  } while (0)

void macroGood() { LOCKED_BUMP(Mu, Value); }

int sizeofGood(int X) {
  const int Width = (sizeof(void *) > 8) ? 16 : 8;
  Mu.lock();
  if (sizeof(int) == 4) {
    Mu.unlock();
    return X & Width;
  }
  Mu.unlock();
  return X;
}

int constantBranchBad(int X) {
  Mu.lock();
  if (sizeof(int) == 4)
    return X;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Mu' is still held when 'constantBranchBad' returns [racelint-lock-discipline]
  Mu.unlock();
  return 0;
}
