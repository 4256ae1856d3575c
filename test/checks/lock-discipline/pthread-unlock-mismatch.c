// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c11 -pthread
// Unlocking a different mutex than the one taken.
#define _XOPEN_SOURCE 700
#include <pthread.h>

static pthread_mutex_t InMu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t OutMu = PTHREAD_MUTEX_INITIALIZER;
static int In, Out;

void copyBad(void) {
  pthread_mutex_lock(&InMu);
  Out = In;
  pthread_mutex_unlock(&OutMu);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: unlocking 'OutMu', which is not held, while holding 'InMu' [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-4]]:3: note: 'InMu' acquired here
}

void copyGood(void) {
  pthread_mutex_lock(&InMu);
  Out = In;
  pthread_mutex_unlock(&InMu);
}

/* The caller locked OutMu; releasing it here is a hand-off. */
void handOffGood(void) {
  pthread_mutex_lock(&InMu);
  Out = In;
  pthread_mutex_unlock(&InMu);
  pthread_mutex_unlock(&OutMu);
}
