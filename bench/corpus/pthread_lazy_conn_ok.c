/* A database handle opened lazily under a mutex. */
#include <pthread.h>
#include <stdlib.h>

struct db {
  int fd;
};

static struct db *shared_db;
static pthread_mutex_t db_lock = PTHREAD_MUTEX_INITIALIZER;

static struct db *db_open(void) {
  struct db *d = malloc(sizeof *d);
  d->fd = 3;
  return d;
}

static struct db *get_db(void) {
  struct db *d;
  pthread_mutex_lock(&db_lock);
  if (shared_db == NULL)
    shared_db = db_open();
  d = shared_db;
  pthread_mutex_unlock(&db_lock);
  return d;
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
