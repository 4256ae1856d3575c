// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c11 -pthread
// pthread_cond_wait returns with the mutex locked again.
#define _XOPEN_SOURCE 700
#include <pthread.h>

static pthread_mutex_t Mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t Cv = PTHREAD_COND_INITIALIZER;
static int Ready;
static int Value;

void waitGood(void) {
  pthread_mutex_lock(&Mu);
  while (!Ready)
    pthread_cond_wait(&Cv, &Mu);
  Value++;
  pthread_mutex_unlock(&Mu);
}

void waitLeakBad(void) {
  pthread_mutex_lock(&Mu);
  while (!Ready)
    pthread_cond_wait(&Cv, &Mu);
  if (Value < 0)
    return;
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Mu' is still held when 'waitLeakBad' returns [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-6]]:3: note: 'Mu' acquired here
  Value++;
  pthread_mutex_unlock(&Mu);
}

void signalGood(void) {
  pthread_mutex_lock(&Mu);
  Ready = 1;
  pthread_cond_broadcast(&Cv);
  pthread_mutex_unlock(&Mu);
}
