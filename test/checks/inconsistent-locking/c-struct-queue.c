// RUN: %check_racelint %s racelint-inconsistent-locking %t -- -std=c11 -D_POSIX_C_SOURCE=200809L -pthread
// C structs that carry their own pthread mutex: fields reached through
// pointers are named by type and field, and lined up with the lock of the
// same object. Each deviant access sits beside its locked twin.
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

struct queue {
  pthread_mutex_t lock;
  pthread_cond_t nonempty;
  int items[32];
  int head, tail;
  bool closed;
};

void queue_push(struct queue *q, int v) {
  pthread_mutex_lock(&q->lock);
  q->items[q->tail % 32] = v;
  q->tail = q->tail + 1;
  pthread_cond_signal(&q->nonempty);
  pthread_mutex_unlock(&q->lock);
}

int queue_pop(struct queue *q) {
  pthread_mutex_lock(&q->lock);
  while (q->head == q->tail && !q->closed)
    pthread_cond_wait(&q->nonempty, &q->lock);
  int v = q->items[q->head % 32];
  q->head = q->head + 1;
  pthread_mutex_unlock(&q->lock);
  return v;
}

void queue_close_bad(struct queue *q) {
  q->closed = true;
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'q->closed' is written without holding 'q->lock', which guards it at 2 of 3 accesses [racelint-inconsistent-locking]
  pthread_cond_broadcast(&q->nonempty);
}

void queue_close_good(struct queue *q) {
  pthread_mutex_lock(&q->lock);
  q->closed = true;
  pthread_cond_broadcast(&q->nonempty);
  pthread_mutex_unlock(&q->lock);
}

int queue_length_bad(struct queue *q) {
  return q->tail - q->head;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'q->tail' is read without holding 'q->lock', which guards it at 5 of 6 accesses [racelint-inconsistent-locking]
  // CHECK-MESSAGES: :[[@LINE-2]]:23: warning: 'q->head' is read without holding 'q->lock', which guards it at 5 of 6 accesses [racelint-inconsistent-locking]
}

int queue_length_good(struct queue *q) {
  pthread_mutex_lock(&q->lock);
  int n = q->tail - q->head;
  pthread_mutex_unlock(&q->lock);
  return n;
}

/* Helpers called with the lock held stay silent; one call without it. */
struct account {
  pthread_mutex_t mu;
  long balance;
};

static void account_add_locked(struct account *a, long v) {
  a->balance = a->balance + v;
}

void account_deposit(struct account *a, long v) {
  pthread_mutex_lock(&a->mu);
  account_add_locked(a, v);
  pthread_mutex_unlock(&a->mu);
}

void account_withdraw(struct account *a, long v) {
  pthread_mutex_lock(&a->mu);
  account_add_locked(a, -v);
  pthread_mutex_unlock(&a->mu);
}

void account_fee_bad(struct account *a) {
  account_add_locked(a, -1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'a->balance' is updated without holding 'a->mu', which guards it at 5 of 7 accesses [racelint-inconsistent-locking]
}

long account_balance(struct account *a) {
  pthread_mutex_lock(&a->mu);
  long b = a->balance;
  pthread_mutex_unlock(&a->mu);
  return b;
}

/* A global struct object with the lock as a separate global. */
static pthread_mutex_t stats_mu = PTHREAD_MUTEX_INITIALIZER;
static struct {
  long requests;
  long errors;
} stats;

static void *serve(void *arg) {
  (void)arg;
  pthread_mutex_lock(&stats_mu);
  stats.requests = stats.requests + 1;
  pthread_mutex_unlock(&stats_mu);
  stats.errors = stats.errors + 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'stats.errors' is updated without holding 'stats_mu', which guards it at 2 of 4 accesses [racelint-inconsistent-locking]
  return NULL;
}

static void *reset_stats(void *arg) {
  (void)arg;
  pthread_mutex_lock(&stats_mu);
  stats.requests = 0;
  stats.errors = 0;
  pthread_mutex_unlock(&stats_mu);
  return NULL;
}

static void *report(void *arg) {
  long *out = arg;
  pthread_mutex_lock(&stats_mu);
  *out = stats.requests + stats.errors;
  pthread_mutex_unlock(&stats_mu);
  return NULL;
}

/* A spinlock guards a counter; one reader skips it. */
static pthread_spinlock_t spin;
static int spun;

static void *spinner(void *arg) {
  (void)arg;
  pthread_spin_lock(&spin);
  spun = spun + 1;
  pthread_spin_unlock(&spin);
  return NULL;
}

static void *spin_peek(void *arg) {
  int *out = arg;
  *out = spun;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'spun' is read without holding 'spin', which guards it at 3 of 4 accesses [racelint-inconsistent-locking]
  return NULL;
}

static void *spin_peek_good(void *arg) {
  int *out = arg;
  pthread_spin_lock(&spin);
  *out = spun;
  pthread_spin_unlock(&spin);
  return NULL;
}

int main(void) {
  pthread_t t[6];
  long r = 0;
  int s1 = 0, s2 = 0;
  pthread_spin_init(&spin, 0);
  pthread_create(&t[0], NULL, serve, NULL);
  pthread_create(&t[1], NULL, report, &r);
  pthread_create(&t[2], NULL, spinner, NULL);
  pthread_create(&t[3], NULL, spin_peek, &s1);
  pthread_create(&t[4], NULL, spin_peek_good, &s2);
  pthread_create(&t[5], NULL, reset_stats, NULL);
  for (int i = 0; i < 6; ++i)
    pthread_join(t[i], NULL);
  return (int)r + s1 + s2;
}
