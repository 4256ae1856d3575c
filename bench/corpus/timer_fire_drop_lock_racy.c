/* A timer runs its user callback without holding the timer's lock (the
 * callback may re-arm the timer). The helper called with the lock held
 * reads the deadline for the callback after it has dropped the lock. */
#include <pthread.h>

struct timer {
  pthread_mutex_t mu;
  long deadline;
  int fired;
  void (*cb)(long deadline);
};

/* Called with t->mu held; returns with it held. */
static void timer_fire_locked(struct timer *t) {
  void (*cb)(long) = t->cb;
  pthread_mutex_unlock(&t->mu);
  cb(t->deadline); /* RACE: racelint-inconsistent-locking */
  pthread_mutex_lock(&t->mu);
  t->fired++;
}

void timer_run(struct timer *t, long now) {
  pthread_mutex_lock(&t->mu);
  if (t->deadline <= now)
    timer_fire_locked(t);
  pthread_mutex_unlock(&t->mu);
}

void timer_rearm(struct timer *t, long deadline) {
  pthread_mutex_lock(&t->mu);
  t->deadline = deadline;
  pthread_mutex_unlock(&t->mu);
}
