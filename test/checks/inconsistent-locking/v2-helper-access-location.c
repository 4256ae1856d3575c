// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c11 -pthread
// Where the warning goes when the access is inside a helper: at the access
// itself when the helper does the wrong thing on every call (it takes the
// wrong lock, or is two calls deep), and at the call when the helper is
// fine under the caller's lock and one caller forgets to take it. The
// twins call the same kinds of helpers correctly.
#include <pthread.h>
#include <stddef.h>

static pthread_mutex_t queue_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t aux_mu = PTHREAD_MUTEX_INITIALIZER;

static int depth;        /* guarded by queue_mu */
static int depth_ok;
static long drops;       /* guarded by queue_mu */
static long drops_ok;
static int waiters;      /* guarded by queue_mu */
static int waiters_ok;

static void deepen(void) {
  pthread_mutex_lock(&aux_mu);
  depth++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'depth' is updated under 'aux_mu' instead of 'queue_mu', which guards it at 2 of 3 accesses [racelint-inconsistent-locking]
  pthread_mutex_unlock(&aux_mu);
}

static void deepen_ok(void) {
  pthread_mutex_lock(&queue_mu);
  depth_ok++;
  pthread_mutex_unlock(&queue_mu);
}

static void count_drop(void) { drops++; }
static void count_drop_ok(void) { drops_ok++; }

static void leave(void) { waiters--; }
// CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'waiters' is updated without holding 'queue_mu', which guards it at 2 of 3 accesses [racelint-inconsistent-locking]
static void leave_ok(void) { waiters_ok--; }
static void give_up(void) { leave(); }
static void give_up_ok(void) { leave_ok(); }

static void *consumer(void *unused) {
  (void)unused;
  deepen();
  deepen_ok();
  pthread_mutex_lock(&queue_mu);
  depth = 0;
  depth_ok = 0;
  count_drop();
  count_drop_ok();
  waiters++;
  waiters_ok++;
  pthread_mutex_unlock(&queue_mu);
  give_up();
  pthread_mutex_lock(&queue_mu);
  give_up_ok();
  pthread_mutex_unlock(&queue_mu);
  return NULL;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, consumer, NULL);
  pthread_mutex_lock(&queue_mu);
  depth += 2;
  depth_ok += 2;
  count_drop();
  count_drop_ok();
  waiters = 1;
  waiters_ok = 1;
  pthread_mutex_unlock(&queue_mu);
  count_drop();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'drops' is updated with no lock held, but 'count_drop' updates it holding 'queue_mu' [racelint-inconsistent-locking]
  pthread_mutex_lock(&queue_mu);
  count_drop_ok();
  pthread_mutex_unlock(&queue_mu);
  pthread_join(t, NULL);
  return depth + depth_ok + (int)(drops + drops_ok) + waiters + waiters_ok;
}
