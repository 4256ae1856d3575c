// RUN: %check_racelint %s racelint-inconsistent-locking %t -- -std=c11 -pthread
// Accesses between calls of inferred lock/unlock wrappers (memcached's
// STATS_LOCK()/STATS_UNLOCK()) hold the wrapped lock.
#include <pthread.h>
#include <stddef.h>

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static long total;

void STATS_LOCK(void) { pthread_mutex_lock(&stats_lock); }
void STATS_UNLOCK(void) { pthread_mutex_unlock(&stats_lock); }

static void *adder(void *arg) {
  (void)arg;
  STATS_LOCK();
  total += 1;
  STATS_UNLOCK();
  return NULL;
}

static void *reporter(void *arg) {
  long *out = arg;
  *out = total;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'total' is read without holding 'stats_lock', which guards it at 2 of 3 accesses [racelint-inconsistent-locking]
  return NULL;
}

static void *safe_reporter(void *arg) {
  long *out = arg;
  STATS_LOCK();
  *out = total;
  STATS_UNLOCK();
  return NULL;
}

int main(void) {
  pthread_t a, b, c;
  long seen = 0, seen2 = 0;
  pthread_create(&a, NULL, adder, NULL);
  pthread_create(&b, NULL, reporter, &seen);
  pthread_create(&c, NULL, safe_reporter, &seen2);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  pthread_join(c, NULL);
  return (int)(seen + seen2);
}
