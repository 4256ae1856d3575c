// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c11 -pthread
// Once the translation unit makes a pthread mutex recursive, locking a
// pthread mutex twice is no longer provably a deadlock; leaks still are.
#define _GNU_SOURCE
#include <pthread.h>

static pthread_mutex_t Mu;
static int Value;

void init(void) {
  pthread_mutexattr_t Attr;
  pthread_mutexattr_init(&Attr);
  pthread_mutexattr_settype(&Attr, PTHREAD_MUTEX_RECURSIVE);
  pthread_mutex_init(&Mu, &Attr);
  pthread_mutexattr_destroy(&Attr);
}

void reenterGood(void) {
  pthread_mutex_lock(&Mu);
  pthread_mutex_lock(&Mu);
  Value++;
  pthread_mutex_unlock(&Mu);
  pthread_mutex_unlock(&Mu);
}

void reenterLeakBad(void) {
  pthread_mutex_lock(&Mu);
  pthread_mutex_lock(&Mu);
  Value++;
  pthread_mutex_unlock(&Mu);
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: 'Mu' is still held when 'reenterLeakBad' returns [racelint-lock-discipline]
