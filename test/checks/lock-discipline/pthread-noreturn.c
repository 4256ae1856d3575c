// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c11 -pthread
// Paths that end in exit(), abort() or pthread_exit() do not return: a lock
// still held there is not reported.
#define _XOPEN_SOURCE 700
#include <pthread.h>
#include <stdlib.h>

static pthread_mutex_t Mu = PTHREAD_MUTEX_INITIALIZER;
static int Value;

_Noreturn void die(const char *msg);

void exitGood(int n) {
  pthread_mutex_lock(&Mu);
  if (n < 0)
    exit(1);
  Value += n;
  pthread_mutex_unlock(&Mu);
}

void abortGood(int n) {
  pthread_mutex_lock(&Mu);
  if (n < 0)
    abort();
  Value += n;
  pthread_mutex_unlock(&Mu);
}

void dieGood(int n) {
  pthread_mutex_lock(&Mu);
  if (n < 0)
    die("negative");
  Value += n;
  pthread_mutex_unlock(&Mu);
}

void *threadExitGood(void *arg) {
  pthread_mutex_lock(&Mu);
  if (!arg)
    pthread_exit(0);
  Value++;
  pthread_mutex_unlock(&Mu);
  return arg;
}

void returnBad(int n) {
  pthread_mutex_lock(&Mu);
  if (n < 0)
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Mu' is still held when 'returnBad' returns [racelint-lock-discipline]
  Value += n;
  pthread_mutex_unlock(&Mu);
}
