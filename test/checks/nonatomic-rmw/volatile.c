// RUN: %check_racelint %s racelint-nonatomic-rmw %t -- -std=c11 -pthread
// volatile keeps the compiler from caching a value; it does not make an
// update atomic. Each defect is followed by its _Atomic twin.
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>

static volatile int events;
static _Atomic int events_ok;
static volatile int busy;
static atomic_flag busy_ok = ATOMIC_FLAG_INIT;
static volatile long ticks;
static _Atomic long ticks_ok;

static void *worker(void *arg) {
  (void)arg;
  // Case 1: ++ on a volatile.
  events++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: non-atomic read-modify-write of shared 'events' with no lock held; volatile does not make it atomic [racelint-nonatomic-rmw]
  // Twin.
  events_ok++;
  // Case 2: a volatile flag tested and set.
  if (!busy) {
    busy = 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: check-then-act on 'busy' without a lock; another thread can change it between the check and the write, and volatile does not make it atomic [racelint-nonatomic-rmw]
    busy = 0;
  }
  // Twin.
  if (!atomic_flag_test_and_set(&busy_ok))
    atomic_flag_clear(&busy_ok);
  // Case 3: x = x + n on a volatile.
  ticks = ticks + 10;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: non-atomic read-modify-write of shared 'ticks' with no lock held; volatile does not make it atomic [racelint-nonatomic-rmw]
  // Twin.
  ticks_ok += 10;
  return NULL;
}

int main(void) {
  pthread_t t[3];
  for (int i = 0; i < 3; ++i)
    pthread_create(&t[i], NULL, worker, NULL);
  for (int i = 0; i < 3; ++i)
    pthread_join(t[i], NULL);
  return events + (int)ticks;
}
