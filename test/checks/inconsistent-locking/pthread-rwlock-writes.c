// RUN: %check_racelint %s racelint-inconsistent-locking %t -- -std=c11 -D_POSIX_C_SOURCE=200809L -pthread
// pthread_rwlock_rdlock admits several readers at once: a write made under
// the read lock races with them. Each twin takes the write lock.
#include <pthread.h>
#include <stddef.h>

static pthread_rwlock_t table_lock = PTHREAD_RWLOCK_INITIALIZER;
static int table[64];
static int table_size;

static void *reader(void *arg) {
  (void)arg;
  int sum = 0;
  pthread_rwlock_rdlock(&table_lock);
  for (int i = 0; i < table_size; ++i)
    sum += table[i];
  pthread_rwlock_unlock(&table_lock);
  return (void *)(long)sum;
}

static void *bad_writer(void *arg) {
  (void)arg;
  pthread_rwlock_rdlock(&table_lock);
  table_size = 0;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'table_size' is written while 'table_lock' is held only in shared mode; writers need it exclusively [racelint-inconsistent-locking]
  // CHECK-NOTES: :[[@LINE-11]]:23: note: concurrent read in 'reader' with 'table_lock' held in shared mode
  pthread_rwlock_unlock(&table_lock);
  return NULL;
}

static void *good_writer(void *arg) {
  (void)arg;
  pthread_rwlock_wrlock(&table_lock);
  table[0] = 1;
  table_size = 1;
  pthread_rwlock_unlock(&table_lock);
  return NULL;
}

/* A struct with its own rwlock, reached through a pointer. */
struct stats {
  pthread_rwlock_t lock;
  long hits;
  long misses;
};

long stats_hits(struct stats *s) {
  pthread_rwlock_rdlock(&s->lock);
  long h = s->hits;
  pthread_rwlock_unlock(&s->lock);
  return h;
}

void stats_hit_good(struct stats *s) {
  pthread_rwlock_wrlock(&s->lock);
  s->hits = s->hits + 1;
  pthread_rwlock_unlock(&s->lock);
}

void stats_reset_bad(struct stats *s) {
  pthread_rwlock_rdlock(&s->lock);
  s->hits = 0;
  // CHECK-NOTES: :[[@LINE-1]]:6: warning: 's->hits' is written while 's->lock' is held only in shared mode; writers need it exclusively [racelint-inconsistent-locking]
  // CHECK-NOTES: :[[@LINE-15]]:15: note: concurrent read in 'stats_hits' with 's->lock' held in shared mode
  pthread_rwlock_unlock(&s->lock);
}

/* A helper that writes, called under the read lock in one place. */
static int generation;

static void bump_generation_locked(void) { generation = generation + 1; }

static void *refresher(void *arg) {
  (void)arg;
  pthread_rwlock_wrlock(&table_lock);
  bump_generation_locked();
  pthread_rwlock_unlock(&table_lock);
  return NULL;
}

static void *sloppy_refresher(void *arg) {
  (void)arg;
  pthread_rwlock_rdlock(&table_lock);
  bump_generation_locked();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'generation' is updated while 'table_lock' is held only in shared mode; writers need it exclusively [racelint-inconsistent-locking]
  // CHECK-NOTES: :[[@LINE-15]]:44: note: updated here, inside 'bump_generation_locked'
  // CHECK-NOTES: :[[@LINE+8]]:10: note: concurrent read in 'gen_reader' with 'table_lock' held in shared mode
  pthread_rwlock_unlock(&table_lock);
  return NULL;
}

static void *gen_reader(void *arg) {
  int *out = arg;
  pthread_rwlock_rdlock(&table_lock);
  *out = generation;
  pthread_rwlock_unlock(&table_lock);
  return NULL;
}

int main(void) {
  pthread_t t[6];
  int g = 0;
  pthread_create(&t[0], NULL, reader, NULL);
  pthread_create(&t[1], NULL, bad_writer, NULL);
  pthread_create(&t[2], NULL, good_writer, NULL);
  pthread_create(&t[3], NULL, refresher, NULL);
  pthread_create(&t[4], NULL, sloppy_refresher, NULL);
  pthread_create(&t[5], NULL, gen_reader, &g);
  for (int i = 0; i < 6; ++i)
    pthread_join(t[i], NULL);
  return g;
}
