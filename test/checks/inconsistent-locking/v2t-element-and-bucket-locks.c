// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c11 -pthread
// Element locks: `slot_mu[h]` guards `slot_hits[h]` and `b->mu` guards the
// other fields of the same bucket. Twins take the element's own lock;
// defects skip it.
#include <pthread.h>
#include <stddef.h>

#define NSLOT 16
static pthread_mutex_t slot_mu[NSLOT];
static long slot_hits[NSLOT];
static long slot_miss[NSLOT];

static void *slot_worker(void *arg) {
  int h = *(int *)arg;
  pthread_mutex_lock(&slot_mu[h]);
  slot_hits[h]++;
  slot_miss[h]++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'slot_miss[h]' is updated under 'slot_mu[h]', but 'slot_clear_miss' writes it with no lock held [racelint-inconsistent-locking]
  pthread_mutex_unlock(&slot_mu[h]);
  return NULL;
}

void slot_clear_hits(int h) {
  pthread_mutex_lock(&slot_mu[h]);
  slot_hits[h] = 0;
  pthread_mutex_unlock(&slot_mu[h]);
}

void slot_clear_miss(int h) {
  slot_miss[h] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'slot_miss[h]' is written with no lock held, but 'slot_worker' updates it holding 'slot_mu[h]' [racelint-inconsistent-locking]
}

/* A bucket's own mutex guards its fields. */
struct bucket {
  pthread_mutex_t mu;
  int files;
  long bytes;
};
static struct bucket buckets[4];

static void *bucket_worker(void *arg) {
  struct bucket *b = arg;
  pthread_mutex_lock(&b->mu);
  // The bucket's lock guards the bucket (bytes beside files): the write
  // after bucket_forget's unlock is the deviant.
  b->files++;
  b->bytes += 4096;
  pthread_mutex_unlock(&b->mu);
  return NULL;
}

static void bucket_trim(struct bucket *b) {
  pthread_mutex_lock(&b->mu);
  b->bytes = 0;
  pthread_mutex_unlock(&b->mu);
}

static void bucket_forget(struct bucket *b) {
  pthread_mutex_lock(&b->mu);
  pthread_mutex_unlock(&b->mu);
  b->files = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'b->files' is written without holding 'b->mu', which guards it at 1 of 2 accesses and the other fields of its object at 2 of 2 statements [racelint-inconsistent-locking]
}

int main(void) {
  static int ids[NSLOT];
  pthread_t sw[NSLOT], bw[4];
  for (int i = 0; i < NSLOT; ++i) {
    pthread_mutex_init(&slot_mu[i], NULL);
    ids[i] = i;
  }
  for (int i = 0; i < 4; ++i)
    pthread_mutex_init(&buckets[i].mu, NULL);
  for (int i = 0; i < NSLOT; ++i)
    pthread_create(&sw[i], NULL, slot_worker, &ids[i]);
  for (int i = 0; i < 4; ++i)
    pthread_create(&bw[i], NULL, bucket_worker, &buckets[i]);
  slot_clear_hits(3);
  slot_clear_miss(3);
  bucket_trim(&buckets[1]);
  bucket_forget(&buckets[2]);
  for (int i = 0; i < NSLOT; ++i)
    pthread_join(sw[i], NULL);
  for (int i = 0; i < 4; ++i)
    pthread_join(bw[i], NULL);
  return 0;
}
