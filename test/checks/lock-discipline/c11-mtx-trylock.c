// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c11 -pthread
// mtx_trylock and mtx_timedlock succeed with thrd_success (zero).
#include <threads.h>
#include <time.h>

static mtx_t Mu;
static int Value;

void tryGood(void) {
  if (mtx_trylock(&Mu) == thrd_success) {
    Value++;
    mtx_unlock(&Mu);
  }
}

void tryBusyBad(void) {
  if (mtx_trylock(&Mu) == thrd_busy) {
    Value++;
  }
  mtx_unlock(&Mu);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Mu' is unlocked here but is not held on every path to this point [racelint-lock-discipline]
}

int timedGood(const struct timespec *Deadline) {
  if (mtx_timedlock(&Mu, Deadline) != thrd_success)
    return -1;
  Value++;
  mtx_unlock(&Mu);
  return 0;
}

void tryFailedUnlockBad(void) {
  if (mtx_trylock(&Mu) != thrd_success) {
    mtx_unlock(&Mu);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Mu' is unlocked on a path where its try-lock failed [racelint-lock-discipline]
    return;
  }
  mtx_unlock(&Mu);
}
