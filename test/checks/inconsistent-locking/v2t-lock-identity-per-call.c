// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c11 -pthread
// Lock identity per call site: a helper that locks its pthread_mutex_t*
// parameter holds whatever mutex the caller passed, so callers that pass
// the same mutex agree and callers that pass different ones do not. A
// mutex passed as the thread argument is the caller's mutex. Element
// locks (`locks[h]`, `b->mu`) guard the element with the same index or
// base. An unlock through a pointer that may point to the guard ends the
// protection.
#include <pthread.h>
#include <stddef.h>

/* A helper locking its parameter. */
static pthread_mutex_t stats_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t audit_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t trace_mu = PTHREAD_MUTEX_INITIALIZER;
static long stat_hits;
static long audit_hits;

static void bump_stat(pthread_mutex_t *guard) {
  pthread_mutex_lock(guard);
  stat_hits++;
  pthread_mutex_unlock(guard);
}
static void bump_audit(pthread_mutex_t *guard) {
  pthread_mutex_lock(guard);
  audit_hits++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'audit_hits' is updated under '*guard', but the conflicting update in 'bump_audit' holds '*guard'; no lock protects both [racelint-inconsistent-locking]
  pthread_mutex_unlock(guard);
}
static void *stat_worker(void *unused) {
  (void)unused;
  bump_stat(&stats_mu);
  bump_audit(&audit_mu);
  return NULL;
}

static void same_mutex_both_sides(void) {
  pthread_t t;
  pthread_create(&t, NULL, stat_worker, NULL);
  bump_stat(&stats_mu);
  bump_audit(&trace_mu);
  pthread_join(t, NULL);
}

/* The mutex handed over as the thread argument. */
struct chan {
  pthread_mutex_t *mu;
  int backlog;
};
static int tx_credit;
static int rx_credit;
static pthread_mutex_t rx_mu_main = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t rx_mu_peer = PTHREAD_MUTEX_INITIALIZER;

static void *credit_tx(void *arg) {
  pthread_mutex_t *m = arg;
  pthread_mutex_lock(m);
  tx_credit = 1;
  pthread_mutex_unlock(m);
  return NULL;
}
static void *credit_rx(void *arg) {
  pthread_mutex_t *m = arg;
  pthread_mutex_lock(m);
  rx_credit = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'rx_credit' is written under '*arg', but the conflicting write in 'arg_is_another_mutex' holds 'rx_mu_main'; no lock protects both [racelint-inconsistent-locking]
  pthread_mutex_unlock(m);
  return NULL;
}

static void arg_is_the_mutex(void) {
  pthread_mutex_t tx_mu;
  pthread_mutex_init(&tx_mu, NULL);
  pthread_t t;
  pthread_create(&t, NULL, credit_tx, &tx_mu);
  pthread_mutex_lock(&tx_mu);
  tx_credit = 2;
  pthread_mutex_unlock(&tx_mu);
  pthread_join(t, NULL);
  pthread_mutex_destroy(&tx_mu);
}

static void arg_is_another_mutex(void) {
  pthread_t t;
  pthread_create(&t, NULL, credit_rx, &rx_mu_peer);
  pthread_mutex_lock(&rx_mu_main);
  rx_credit = 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'rx_credit' is written under 'rx_mu_main', but the conflicting write in 'credit_rx' holds '*arg'; no lock protects both [racelint-inconsistent-locking]
  pthread_mutex_unlock(&rx_mu_main);
  pthread_join(t, NULL);
}

/* Unlock through a pointer that may be the guard. */
static pthread_mutex_t seq_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t side_mu = PTHREAD_MUTEX_INITIALIZER;
static int seq_no;
static int epoch_no;

static void *seq_bg(void *unused) {
  (void)unused;
  pthread_mutex_lock(&seq_mu);
  seq_no++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'seq_no' is updated under 'seq_mu', but 'maybe_released' updates it with no lock held [racelint-inconsistent-locking]
  epoch_no++;
  pthread_mutex_unlock(&seq_mu);
  return NULL;
}

static void maybe_released(int verbose) {
  pthread_mutex_t *which = verbose ? &seq_mu : &side_mu;
  pthread_t t;
  pthread_create(&t, NULL, seq_bg, NULL);
  pthread_mutex_lock(&seq_mu);
  pthread_mutex_lock(&side_mu);
  pthread_mutex_unlock(which);
  seq_no++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'seq_no' is updated with no lock held, but 'seq_bg' updates it holding 'seq_mu' [racelint-inconsistent-locking]
  pthread_mutex_unlock(&seq_mu);
  pthread_join(t, NULL);
}

static void surely_kept(void) {
  pthread_mutex_t *which = &side_mu;
  pthread_t t;
  pthread_create(&t, NULL, seq_bg, NULL);
  pthread_mutex_lock(&seq_mu);
  pthread_mutex_lock(&side_mu);
  pthread_mutex_unlock(which);
  epoch_no++;
  pthread_mutex_unlock(&seq_mu);
  pthread_join(t, NULL);
}

int main(int argc, char **argv) {
  (void)argv;
  same_mutex_both_sides();
  arg_is_the_mutex();
  arg_is_another_mutex();
  maybe_released(argc > 1);
  surely_kept();
  return (int)(stat_hits + audit_hits) + tx_credit + rx_credit + epoch_no;
}
