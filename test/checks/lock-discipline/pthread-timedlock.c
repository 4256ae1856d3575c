// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c11 -pthread
// pthread_mutex_timedlock can time out: the lock is held only when it
// returns 0.
#define _XOPEN_SOURCE 700
#include <pthread.h>
#include <time.h>

static pthread_mutex_t Mu = PTHREAD_MUTEX_INITIALIZER;
static int Value;

int timedGood(const struct timespec *Deadline) {
  if (pthread_mutex_timedlock(&Mu, Deadline) != 0)
    return -1;
  Value++;
  pthread_mutex_unlock(&Mu);
  return 0;
}

int timedBad(const struct timespec *Deadline) {
  int Rc = pthread_mutex_timedlock(&Mu, Deadline);
  Value++;
  if (Rc == 0)
    return 0;
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Mu' is still held when 'timedBad' returns [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-5]]:12: note: 'Mu' acquired here
  return Rc;
}
