// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c11 -pthread
// pthread_mutex_lock/unlock: leaks on early return, double locks and double
// unlocks.
#define _XOPEN_SOURCE 700
#include <pthread.h>

static pthread_mutex_t Mu = PTHREAD_MUTEX_INITIALIZER;
static int Value;

int earlyReturnBad(int N) {
  pthread_mutex_lock(&Mu);
  if (N < 0)
    return -1;
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Mu' is still held when 'earlyReturnBad' returns [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-4]]:3: note: 'Mu' acquired here
  Value += N;
  pthread_mutex_unlock(&Mu);
  return 0;
}

int earlyReturnGood(int N) {
  pthread_mutex_lock(&Mu);
  if (N < 0) {
    pthread_mutex_unlock(&Mu);
    return -1;
  }
  Value += N;
  pthread_mutex_unlock(&Mu);
  return 0;
}

void doubleLockBad(void) {
  pthread_mutex_lock(&Mu);
  pthread_mutex_lock(&Mu);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'Mu' is locked again while already held; it is not recursive, so this deadlocks [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'Mu' first acquired here
  pthread_mutex_unlock(&Mu);
}

void doubleUnlockBad(void) {
  pthread_mutex_lock(&Mu);
  Value++;
  pthread_mutex_unlock(&Mu);
  pthread_mutex_unlock(&Mu);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'Mu' is unlocked twice [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'Mu' already released here
}

void paramMutexGood(pthread_mutex_t *M) {
  pthread_mutex_lock(M);
  Value++;
  pthread_mutex_unlock(M);
}
