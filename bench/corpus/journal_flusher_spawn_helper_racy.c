/* A journal starts its flusher thread from an open helper. The writes made
 * before pthread_create are fine; the "mark the header dirty" write after
 * it skips the journal's lock while the flusher is already running. */
#include <pthread.h>
#include <unistd.h>

struct journal {
  pthread_mutex_t mu;
  pthread_t flusher;
  int dirty;
  long flushes;
};

static void *flusher_main(void *arg) {
  struct journal *j = arg;
  for (int i = 0; i < 100; i++) {
    pthread_mutex_lock(&j->mu);
    if (j->dirty) {
      j->dirty = 0;
      j->flushes++;
    }
    pthread_mutex_unlock(&j->mu);
  }
  return NULL;
}

int journal_open(struct journal *j) {
  pthread_mutex_init(&j->mu, NULL);
  j->dirty = 0;
  j->flushes = 0;
  if (pthread_create(&j->flusher, NULL, flusher_main, j) != 0)
    return -1;
  j->dirty = 1; /* RACE: racelint-inconsistent-locking */
  return 0;
}

void journal_close(struct journal *j) {
  pthread_join(j->flusher, NULL);
  pthread_mutex_destroy(&j->mu);
}
