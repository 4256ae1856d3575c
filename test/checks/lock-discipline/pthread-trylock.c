// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c11 -pthread
// pthread_mutex_trylock returns 0 on success: the lock is held only on the
// branch where the result is zero.
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <pthread.h>

static pthread_mutex_t Mu = PTHREAD_MUTEX_INITIALIZER;
static int Value;

void compareZeroGood(void) {
  if (pthread_mutex_trylock(&Mu) == 0) {
    Value++;
    pthread_mutex_unlock(&Mu);
  }
}

void storedResultGood(void) {
  int Rc = pthread_mutex_trylock(&Mu);
  if (Rc != 0)
    return;
  Value++;
  pthread_mutex_unlock(&Mu);
}

void invertedTestBad(void) {
  if (pthread_mutex_trylock(&Mu)) {
    Value++;
    pthread_mutex_unlock(&Mu);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Mu' is unlocked on a path where its try-lock failed [racelint-lock-discipline]
    // CHECK-NOTES: :[[@LINE-4]]:7: note: try-lock of 'Mu' here; on failure it is not held
  }
}
// CHECK-NOTES: :[[@LINE-1]]:1: warning: 'Mu' is still held when 'invertedTestBad' returns [racelint-lock-discipline]
// CHECK-NOTES: :[[@LINE-8]]:7: note: 'Mu' acquired here

void uncheckedBad(void) {
  int Rc = pthread_mutex_trylock(&Mu);
  Value++;
  pthread_mutex_unlock(&Mu);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'Mu' is unlocked here but is not held on every path to this point [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-4]]:12: note: 'Mu' acquired here on some paths only
  (void)Rc;
}

void busyRetryGood(void) {
  while (pthread_mutex_trylock(&Mu) == EBUSY) {
  }
  Value++;
  pthread_mutex_unlock(&Mu);
}
