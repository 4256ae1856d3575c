/* FLAGS: -std=gnu11 -pthread */
/* Two kinds of readers take the index and the data in opposite orders,
 * both in shared mode; writers update one structure at a time. Readers
 * never block readers, and no writer holds one lock while waiting for the
 * other. */
#include <pthread.h>

static pthread_rwlock_t index_rw = PTHREAD_RWLOCK_INITIALIZER;
static pthread_rwlock_t data_rw = PTHREAD_RWLOCK_INITIALIZER;
static int index_entries, data_bytes;

static void *lookup(void *arg) {
  (void)arg;
  pthread_rwlock_rdlock(&index_rw);
  pthread_rwlock_rdlock(&data_rw);
  int v = index_entries + data_bytes;
  pthread_rwlock_unlock(&data_rw);
  pthread_rwlock_unlock(&index_rw);
  return (void *)(long)v;
}

static void *scan(void *arg) {
  (void)arg;
  pthread_rwlock_rdlock(&data_rw);
  pthread_rwlock_rdlock(&index_rw);
  int v = data_bytes - index_entries;
  pthread_rwlock_unlock(&index_rw);
  pthread_rwlock_unlock(&data_rw);
  return (void *)(long)v;
}

static void *writer(void *arg) {
  (void)arg;
  pthread_rwlock_wrlock(&data_rw);
  data_bytes += 64;
  pthread_rwlock_unlock(&data_rw);
  pthread_rwlock_wrlock(&index_rw);
  index_entries++;
  pthread_rwlock_unlock(&index_rw);
  return 0;
}

int main(void) {
  pthread_t a, b, w;
  pthread_create(&a, 0, lookup, 0);
  pthread_create(&b, 0, scan, 0);
  pthread_create(&w, 0, writer, 0);
  pthread_join(a, 0);
  pthread_join(b, 0);
  pthread_join(w, 0);
  return 0;
}
