// RUN: %racelint --dump-locksets %s -- -std=c11 -pthread | FileCheck %s
// What wrapper inference concludes from each body, and the lock operations
// the callers then see at the wrapper calls.
#include <pthread.h>
#include <stddef.h>

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t hang_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t crawler_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t leak_lock = PTHREAD_MUTEX_INITIALIZER;
static int hits;

void STATS_LOCK(void) { pthread_mutex_lock(&stats_lock); }
void STATS_UNLOCK(void) { pthread_mutex_unlock(&stats_lock); }
void lock_all(void) { STATS_LOCK(); }

struct conn {
  pthread_mutex_t mu;
};
int conn_trylock(struct conn *c) { return pthread_mutex_trylock(&c->mu); }
struct conn *conn_acquire(struct conn *c) {
  if (pthread_mutex_trylock(&c->mu) != 0)
    return NULL;
  return c;
}
void conn_release(struct conn *c) { pthread_mutex_unlock(&c->mu); }

void pause_all(int pause) {
  if (pause)
    pthread_mutex_lock(&hang_lock);
  else
    pthread_mutex_unlock(&hang_lock);
}

void crawl(int n) {
  for (int i = 0; i < n; i++) {
    pthread_mutex_unlock(&crawler_lock);
    pthread_mutex_lock(&crawler_lock);
  }
}

void leak(void) { pthread_mutex_lock(&leak_lock); }

void caller(struct conn *k) {
  lock_all();
  hits++;
  STATS_UNLOCK();
  if (conn_acquire(k) == NULL)
    return;
  conn_release(k);
  pause_all(1);
}

// CHECK-LABEL: function 'STATS_LOCK'
// CHECK-NEXT: 13:25 acquire stats_lock -> held {stats_lock} maybe {}
// CHECK-NEXT: inferred: acquires 'stats_lock'
// CHECK-LABEL: function 'STATS_UNLOCK'
// CHECK-NEXT: 14:27 release stats_lock -> held {} maybe {}
// CHECK-NEXT: inferred: requires 'stats_lock' on entry
// CHECK-NEXT: inferred: releases 'stats_lock'
// CHECK-LABEL: function 'lock_all'
// CHECK-NEXT: 15:23 acquire stats_lock -> held {stats_lock} maybe {}
// CHECK-NEXT: inferred: acquires 'stats_lock'
// A status-returning try-lock passed through is not a wrapper shape racelint
// infers (nothing holds on its exits as far as the lockset knows).
// CHECK-LABEL: function 'conn_trylock'
// CHECK-NOT: inferred
// CHECK-LABEL: function 'conn_acquire'
// CHECK: inferred: try-acquires 'c->mu' (held when it returns non-zero)
// CHECK-LABEL: function 'conn_release'
// CHECK: inferred: releases 'c->mu'
// CHECK-LABEL: function 'pause_all'
// CHECK-NOT: anomaly
// CHECK: inferred: acquires or releases 'hang_lock'
// CHECK-LABEL: function 'crawl'
// CHECK-NOT: anomaly
// CHECK: inferred: requires 'crawler_lock' on entry
// CHECK-NOT: inferred
// CHECK-LABEL: function 'leak'
// CHECK-NEXT: acquire leak_lock
// CHECK-NEXT: anomaly not-released leak_lock
// CHECK-NOT: inferred
// CHECK-LABEL: function 'caller'
// CHECK-NEXT: 45:3 acquire stats_lock -> held {stats_lock} maybe {}
// CHECK-NEXT: 47:3 release stats_lock -> held {} maybe {}
// CHECK-NEXT: 48:7 try-acquire k->mu -> held {} maybe {}
// CHECK-NEXT: 50:3 release k->mu -> held {} maybe {}
// CHECK-NOT: anomaly
