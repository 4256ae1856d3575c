// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c11 -pthread
// pthread_rwlock: read and write modes, one unlock for both; a second read
// lock by the same thread is allowed, a write lock while holding one is not.
#define _XOPEN_SOURCE 700
#include <pthread.h>

static pthread_rwlock_t Rw = PTHREAD_RWLOCK_INITIALIZER;
static int Value;

int readGood(void) {
  pthread_rwlock_rdlock(&Rw);
  int V = Value;
  pthread_rwlock_unlock(&Rw);
  return V;
}

int nestedReadGood(void) {
  pthread_rwlock_rdlock(&Rw);
  pthread_rwlock_rdlock(&Rw);
  int V = Value;
  pthread_rwlock_unlock(&Rw);
  pthread_rwlock_unlock(&Rw);
  return V;
}

void upgradeBad(void) {
  pthread_rwlock_rdlock(&Rw);
  pthread_rwlock_wrlock(&Rw);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'Rw' is locked again while already held; it is not recursive, so this deadlocks [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'Rw' first acquired here
  Value++;
  pthread_rwlock_unlock(&Rw);
}

int readLeakBad(int N) {
  pthread_rwlock_rdlock(&Rw);
  if (N < 0)
    return -1;
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Rw' is still held when 'readLeakBad' returns [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-4]]:3: note: 'Rw' acquired here
  int V = Value + N;
  pthread_rwlock_unlock(&Rw);
  return V;
}

void tryWriteGood(void) {
  if (pthread_rwlock_trywrlock(&Rw) != 0)
    return;
  Value++;
  pthread_rwlock_unlock(&Rw);
}

void tryReadFailedUnlockBad(void) {
  if (pthread_rwlock_tryrdlock(&Rw) != 0) {
    pthread_rwlock_unlock(&Rw);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Rw' is unlocked on a path where its try-lock failed [racelint-lock-discipline]
    // CHECK-NOTES: :[[@LINE-3]]:7: note: try-lock of 'Rw' here; on failure it is not held
    return;
  }
  pthread_rwlock_unlock(&Rw);
}
