// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -pthread
// A function that initialises a lock inside the object its parameter points
// to is setting that object up: no other thread can use an object whose
// mutex is being initialised, so what it writes there before it hands the
// object on (here, to the thread it starts) is not shared. What it writes
// after the hand-off is, and an entry point that does not initialise the
// object gets no such benefit.
#include <pthread.h>

struct spool {
  pthread_mutex_t mu;
  pthread_t writer;
  int pending;
  long written;
};

static void *spool_writer(void *arg) {
  struct spool *s = arg;
  for (int i = 0; i < 100; i++) {
    pthread_mutex_lock(&s->mu);
    if (s->pending) {
      s->pending = 0;
      s->written++;
    }
    pthread_mutex_unlock(&s->mu);
  }
  return 0;
}

// Silent: the fields are set before the writer can see the spool.
int spool_open(struct spool *s) {
  pthread_mutex_init(&s->mu, 0);
  s->pending = 0;
  s->written = 0;
  if (pthread_create(&s->writer, 0, spool_writer, s) != 0)
    return -1;
  pthread_mutex_lock(&s->mu);
  s->pending = 1;
  pthread_mutex_unlock(&s->mu);
  return 0;
}

// The same set-up, but the last write skips the lock once the writer runs.
int spool_open_early(struct spool *s) {
  pthread_mutex_init(&s->mu, 0);
  s->pending = 0;
  if (pthread_create(&s->writer, 0, spool_writer, s) != 0)
    return -1;
  s->pending = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 's->pending' is written without holding 's->mu', which guards it at {{[0-9]+}} of {{[0-9]+}} accesses [racelint-inconsistent-locking]
  return 0;
}

// No lock is initialised here: the spool is an existing, shared one.
void spool_reset(struct spool *s) {
  s->written = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 's->written' is written without holding 's->mu'{{.*}} [racelint-inconsistent-locking]
}
