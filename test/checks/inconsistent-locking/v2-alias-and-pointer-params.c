// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c11 -pthread
// A local pointer that holds &global, and a pointer parameter that the
// caller binds to &global, name the global itself. Updates through them
// under one lock race with updates of the global by name under another.
// The twins use one lock on both sides.
#include <pthread.h>

static pthread_mutex_t feed_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t drain_mu = PTHREAD_MUTEX_INITIALIZER;

static long queued;          /* alias, different locks */
static long queued_ok;       /* alias, one lock */
static int credits;          /* parameter, different locks */
static int credits_ok;       /* parameter, one lock */
static unsigned flags;       /* alias of an alias */
static unsigned flags_ok;

static void add_credit(int *c, int n) { *c += n; }
// CHECK-MESSAGES: :[[@LINE-1]]:41: warning: '*c' is updated under 'feed_mu', but the conflicting update in 'main' holds 'drain_mu'; no lock protects both [racelint-inconsistent-locking]

static void *feeder(void *unused) {
  (void)unused;
  long *q = &queued;
  long *qok = &queued_ok;
  unsigned *f1 = &flags, *f2 = f1;
  unsigned *g1 = &flags_ok, *g2 = g1;
  pthread_mutex_lock(&feed_mu);
  *q += 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: '*q' is updated under 'feed_mu', but the conflicting update in 'main' holds 'drain_mu'; no lock protects both [racelint-inconsistent-locking]
  add_credit(&credits, 2);
  *f2 |= 4u;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: '*f2' is updated under 'feed_mu', but the conflicting update in 'main' holds 'drain_mu'; no lock protects both [racelint-inconsistent-locking]
  pthread_mutex_unlock(&feed_mu);

  pthread_mutex_lock(&drain_mu);
  *qok += 1;
  add_credit(&credits_ok, 2);
  *g2 |= 4u;
  pthread_mutex_unlock(&drain_mu);
  return NULL;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, feeder, NULL);
  pthread_mutex_lock(&drain_mu);
  queued -= 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'queued' is updated under 'drain_mu', but the conflicting update in 'feeder' holds 'feed_mu'; no lock protects both [racelint-inconsistent-locking]
  credits -= 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'credits' is updated under 'drain_mu', but the conflicting update in 'add_credit' holds 'feed_mu'; no lock protects both [racelint-inconsistent-locking]
  flags &= ~4u;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'flags' is updated under 'drain_mu', but the conflicting update in 'feeder' holds 'feed_mu'; no lock protects both [racelint-inconsistent-locking]
  queued_ok -= 1;
  credits_ok -= 2;
  flags_ok &= ~4u;
  pthread_mutex_unlock(&drain_mu);
  pthread_join(t, NULL);
  return (int)(queued + queued_ok) + credits + credits_ok + (int)(flags + flags_ok);
}
