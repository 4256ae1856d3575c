/* A key-value store with lock wrappers for its index and its write-ahead
 * log. put() holds the index and appends to the log; checkpoint() holds the
 * log and reads the index. */
#include <pthread.h>

static pthread_mutex_t index_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t wal_mu = PTHREAD_MUTEX_INITIALIZER;
static long index_entries, checkpointed_entries;
static long wal_bytes;

static void index_lock(void) { pthread_mutex_lock(&index_mu); }
static void index_unlock(void) { pthread_mutex_unlock(&index_mu); }
static void wal_lock(void) { pthread_mutex_lock(&wal_mu); }
static void wal_unlock(void) { pthread_mutex_unlock(&wal_mu); }

void kv_put(void) {
  index_lock();
  index_entries++;
  wal_lock();
  wal_bytes += 64;
  wal_unlock();
  index_unlock();
}

void kv_checkpoint(void) {
  wal_lock();
  wal_bytes = 0;
  index_lock(); /* RACE: racelint-lock-order */
  checkpointed_entries = index_entries;
  index_unlock();
  wal_unlock();
}

static void *writer(void *arg) {
  (void)arg;
  for (int i = 0; i < 10000; i++)
    kv_put();
  return NULL;
}

int main(void) {
  pthread_t w;
  pthread_create(&w, NULL, writer, NULL);
  for (int i = 0; i < 10; i++)
    kv_checkpoint();
  pthread_join(w, NULL);
  return 0;
}
