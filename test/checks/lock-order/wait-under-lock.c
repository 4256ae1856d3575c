// RUN: %check_racelint %s racelint-lock-order %t
// pthread_cond_wait releases its mutex only.
#include <pthread.h>

static pthread_mutex_t table_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t ready_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ready_cv = PTHREAD_COND_INITIALIZER;
static int ready, rows;

static void *loader(void *arg) {
  (void)arg;
  pthread_mutex_lock(&table_mu);
  pthread_mutex_lock(&ready_mu);
  while (!ready)
    pthread_cond_wait(&ready_cv, &ready_mu);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: waiting on 'ready_cv' while holding 'table_mu', which 'announcer' holds when it notifies 'ready_cv'; the notification can never come [racelint-lock-order]
  rows++;
  pthread_mutex_unlock(&ready_mu);
  pthread_mutex_unlock(&table_mu);
  return 0;
}

static void *announcer(void *arg) {
  (void)arg;
  pthread_mutex_lock(&table_mu);
  rows = 0;
  pthread_mutex_lock(&ready_mu);
  ready = 1;
  pthread_cond_broadcast(&ready_cv);
  pthread_mutex_unlock(&ready_mu);
  pthread_mutex_unlock(&table_mu);
  return 0;
}

// Twin: the announcer releases the table before it signals.
static pthread_mutex_t index_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t go_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t go_cv = PTHREAD_COND_INITIALIZER;
static int go, entries;

static void *builder(void *arg) {
  (void)arg;
  pthread_mutex_lock(&index_mu);
  pthread_mutex_lock(&go_mu);
  while (!go)
    pthread_cond_wait(&go_cv, &go_mu);
  entries++;
  pthread_mutex_unlock(&go_mu);
  pthread_mutex_unlock(&index_mu);
  return 0;
}

static void *starter(void *arg) {
  (void)arg;
  pthread_mutex_lock(&go_mu);
  go = 1;
  pthread_cond_signal(&go_cv);
  pthread_mutex_unlock(&go_mu);
  return 0;
}

// Twin: the wait's own mutex, known to the lockset by another name (the
// thread's argument, aliased to a local): nothing else is held.
struct maint { pthread_mutex_t lock; pthread_cond_t cond; int run; };
static void *maint_loop(void *arg) {
  struct maint *t = arg;
  pthread_mutex_lock(&t->lock);
  while (t->run)
    pthread_cond_wait(&t->cond, &t->lock);
  pthread_mutex_unlock(&t->lock);
  return 0;
}
void maint_stop(struct maint *t) {
  pthread_mutex_lock(&t->lock);
  t->run = 0;
  pthread_cond_signal(&t->cond);
  pthread_mutex_unlock(&t->lock);
}
void maint_start(struct maint *t) {
  pthread_t tid;
  pthread_create(&tid, 0, maint_loop, t);
}

int main(void) {
  pthread_t a, b, c, d;
  pthread_create(&a, 0, loader, 0);
  pthread_create(&b, 0, announcer, 0);
  pthread_create(&c, 0, builder, 0);
  pthread_create(&d, 0, starter, 0);
  pthread_join(a, 0);
  pthread_join(b, 0);
  pthread_join(c, 0);
  pthread_join(d, 0);
  return 0;
}
