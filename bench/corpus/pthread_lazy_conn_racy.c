/* A database handle opened lazily by whichever worker needs it first. */
#include <pthread.h>
#include <stdlib.h>

struct db {
  int fd;
};

static struct db *shared_db;

static struct db *db_open(void) {
  struct db *d = malloc(sizeof *d);
  d->fd = 3;
  return d;
}

static struct db *get_db(void) {
  if (shared_db == NULL) /* RACE: racelint-unguarded-shared-state */
    shared_db = db_open(); /* RACE: racelint-nonatomic-rmw */
  return shared_db; /* RACE: racelint-unguarded-shared-state */
}

static void *worker(void *arg) {
  (void)arg;
  return (void *)(long)get_db()->fd;
}

int main(void) {
  pthread_t t[4];
  for (int i = 0; i < 4; ++i)
    pthread_create(&t[i], NULL, worker, NULL);
  for (int i = 0; i < 4; ++i)
    pthread_join(t[i], NULL);
  return 0;
}
