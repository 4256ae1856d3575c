/* Two job queues, each with its own lock. A shared helper pushes onto a
 * queue under the lock the caller passes in; every call passes the lock
 * that belongs to that queue. */
#include <pthread.h>

struct jobq {
  int items[64];
  int n;
};

static struct jobq hi_q, lo_q;
static pthread_mutex_t hi_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t lo_lock = PTHREAD_MUTEX_INITIALIZER;

static void push_under(struct jobq *q, pthread_mutex_t *guard, int job) {
  pthread_mutex_lock(guard);
  if (q->n < 64)
    q->items[q->n++] = job;
  pthread_mutex_unlock(guard);
}

static void *submitter(void *arg) {
  (void)arg;
  for (int i = 0; i < 32; i++) {
    push_under(&hi_q, &hi_lock, i);
    push_under(&lo_q, &lo_lock, 100 + i);
  }
  return NULL;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, submitter, NULL);
  push_under(&hi_q, &hi_lock, -1);
  push_under(&lo_q, &lo_lock, -2);
  pthread_join(t, NULL);
  return hi_q.n + lo_q.n;
}
