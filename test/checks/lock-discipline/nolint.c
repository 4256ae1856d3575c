// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c11 -pthread
// Suppression comments work in C too.
#define _XOPEN_SOURCE 700
#include <pthread.h>

static pthread_mutex_t Mu = PTHREAD_MUTEX_INITIALIZER;

void reportedBad(void) {
  pthread_mutex_lock(&Mu);
  pthread_mutex_lock(&Mu);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Mu' is locked again while already held; it is not recursive, so this deadlocks [racelint-lock-discipline]
  pthread_mutex_unlock(&Mu);
}

void suppressed(void) {
  pthread_mutex_lock(&Mu);
  pthread_mutex_lock(&Mu); // NOLINT
  pthread_mutex_unlock(&Mu);
}

void nextLineSuppressed(int n) {
  pthread_mutex_lock(&Mu);
  if (n)
    // NOLINTNEXTLINE(racelint-*)
    return;
  pthread_mutex_unlock(&Mu);
}
