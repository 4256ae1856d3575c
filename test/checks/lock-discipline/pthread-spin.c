// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c11 -pthread
// pthread spinlocks follow the mutex rules.
#define _XOPEN_SOURCE 700
#include <pthread.h>

static pthread_spinlock_t Spin;
static int Value;

void spinGood(void) {
  pthread_spin_lock(&Spin);
  Value++;
  pthread_spin_unlock(&Spin);
}

void spinLeakBad(int N) {
  pthread_spin_lock(&Spin);
  if (N)
    return;
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Spin' is still held when 'spinLeakBad' returns [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-4]]:3: note: 'Spin' acquired here
  Value++;
  pthread_spin_unlock(&Spin);
}

void spinTryGood(void) {
  if (pthread_spin_trylock(&Spin) == 0) {
    Value++;
    pthread_spin_unlock(&Spin);
  }
}

void spinRelockBad(void) {
  pthread_spin_lock(&Spin);
  pthread_spin_lock(&Spin);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'Spin' is locked again while already held; it is not recursive, so this deadlocks [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'Spin' first acquired here
  pthread_spin_unlock(&Spin);
}
