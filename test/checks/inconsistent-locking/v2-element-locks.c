// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c11 -pthread
// Per-element locks: each bucket carries the mutex that guards it. A helper
// that locks the bucket it is given and the bucket named by its index in
// the caller are the same storage, so writing one bucket bare, by index or
// through a local pointer, races with the worker; the twins hold the
// element's own lock.
#include <pthread.h>
#include <stddef.h>

struct bucket {
  pthread_mutex_t lk;
  long bytes;
  int files;
  int dirs;
};

static struct bucket buckets[8];

static void charge(struct bucket *b, long n) {
  pthread_mutex_lock(&b->lk);
  b->bytes += n;
  b->files++;
  b->dirs++;
  pthread_mutex_unlock(&b->lk);
}

static void *scanner(void *unused) {
  (void)unused;
  for (int round = 0; round < 3; ++round)
    for (int i = 0; i < 8; ++i)
      charge(&buckets[i], 512);
  return NULL;
}

int main(void) {
  for (int i = 0; i < 8; ++i)
    pthread_mutex_init(&buckets[i].lk, NULL);
  pthread_t t;
  pthread_create(&t, NULL, scanner, NULL);

  buckets[5].bytes = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'buckets[5].bytes' is written without holding 'buckets[5].lk', which guards it at 2 of 3 accesses [racelint-inconsistent-locking]

  pthread_mutex_lock(&buckets[6].lk);
  buckets[6].bytes = 0;
  pthread_mutex_unlock(&buckets[6].lk);

  pthread_mutex_lock(&buckets[1].lk);
  buckets[1].files = 0;
  pthread_mutex_unlock(&buckets[1].lk);

  struct bucket *last = &buckets[7];
  last->dirs--;
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'last->dirs' is updated without holding 'last->lk', which guards it at 2 of 3 accesses [racelint-inconsistent-locking]
  pthread_mutex_lock(&last->lk);
  last->dirs++;
  pthread_mutex_unlock(&last->lk);

  pthread_join(t, NULL);
  return (int)buckets[0].bytes;
}
