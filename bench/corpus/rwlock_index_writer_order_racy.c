/* FLAGS: -std=gnu11 -pthread */
/* A document store with two reader-writer locks: the index and the data.
 * Readers take data then index (shared); the compactor rewrites both and
 * takes index then data (exclusive). A reader holding data shared blocks
 * the compactor's write lock on data while the compactor holds the index
 * exclusively, which the reader waits for. */
#include <pthread.h>

static pthread_rwlock_t index_rw = PTHREAD_RWLOCK_INITIALIZER;
static pthread_rwlock_t data_rw = PTHREAD_RWLOCK_INITIALIZER;
static int index_entries, data_bytes;

static void *compactor(void *arg) {
  (void)arg;
  pthread_rwlock_wrlock(&index_rw);
  pthread_rwlock_wrlock(&data_rw);
  data_bytes /= 2;
  index_entries = data_bytes / 64;
  pthread_rwlock_unlock(&data_rw);
  pthread_rwlock_unlock(&index_rw);
  return 0;
}

static void *reader(void *arg) {
  (void)arg;
  pthread_rwlock_rdlock(&data_rw);
  int bytes = data_bytes;
  pthread_rwlock_rdlock(&index_rw); /* RACE: racelint-lock-order */
  int n = index_entries;
  pthread_rwlock_unlock(&index_rw);
  pthread_rwlock_unlock(&data_rw);
  return (void *)(long)(bytes + n);
}

int main(void) {
  pthread_t c, r;
  pthread_create(&c, 0, compactor, 0);
  pthread_create(&r, 0, reader, 0);
  pthread_join(c, 0);
  pthread_join(r, 0);
  return 0;
}
