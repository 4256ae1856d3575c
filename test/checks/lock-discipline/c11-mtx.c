// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c11 -pthread
// C11 <threads.h> mutexes.
#include <threads.h>

static mtx_t Mu;
static int Value;

int lockGood(void) {
  if (mtx_lock(&Mu) != thrd_success)
    return -1;
  Value++;
  mtx_unlock(&Mu);
  return 0;
}

int leakBad(int N) {
  mtx_lock(&Mu);
  if (N < 0)
    return -1;
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Mu' is still held when 'leakBad' returns [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-4]]:3: note: 'Mu' acquired here
  Value += N;
  mtx_unlock(&Mu);
  return 0;
}

void doubleUnlockBad(void) {
  mtx_lock(&Mu);
  mtx_unlock(&Mu);
  mtx_unlock(&Mu);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'Mu' is unlocked twice [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'Mu' already released here
}
