// RUN: %check_racelint %s racelint-inconsistent-locking,racelint-unguarded-shared-state %t -- -pthread
// One lock reached along different paths: `s->mu` around a block taken off
// `s->spare[k]` in a helper its caller locks for, around a block of the
// table `&s->table[i]`, and around a block found by walking the used chain
// in a maintenance thread or by a caller. A block is known by type only;
// every side holds the same store's `mu` ("-3:.mu" relative to the store
// the block was found through, "type:store.mu" after a walk), so they
// exclude one another. A walk under a different lock (`s->stats_mu`), or
// under none, does not.
#include <pthread.h>
#include <stddef.h>

struct block {
  struct block *link;
  int bytes;
};

struct store {
  pthread_mutex_t mu;
  pthread_mutex_t stats_mu;
  struct block *spare[4];
  struct block *used[4];
  struct block *table; // an array of blocks
};

// Takes a spare block and chains it into the used list; the caller holds
// s->mu.
static struct block *take_locked(struct store *s, int k) {
  struct block *b = NULL;
  if (s->spare[k] != NULL) {
    b = s->spare[k];
    s->spare[k] = b->link;
  } else if (s->spare[0] != NULL) {
    b = s->spare[0];
    s->spare[0] = b->link;
  }
  if (b != NULL) {
    b->link = s->used[k];
    s->used[k] = b;
  }
  return b;
}

struct block *store_take(void *handle, int k) {
  struct store *s = handle;
  pthread_mutex_lock(&s->mu);
  struct block *b = take_locked(s, k);
  pthread_mutex_unlock(&s->mu);
  return b;
}

// Unlinks a block from the used list by walking it.
void store_give(struct store *s, int k, struct block *victim) {
  pthread_mutex_lock(&s->mu);
  struct block *prev = NULL;
  for (struct block *b = s->used[k]; b != NULL; b = b->link) {
    if (b == victim) {
      if (prev != NULL)
        prev->link = b->link;
      else
        s->used[k] = b->link;
      break;
    }
    prev = b;
  }
  victim->link = s->spare[k];
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'victim->link' is written under 's->mu', but the conflicting read in 'store_count' holds 's->stats_mu'; no lock protects both [racelint-inconsistent-locking]
  s->spare[k] = victim;
  pthread_mutex_unlock(&s->mu);
}

// Resets one block of the table in place.
void store_reset(struct store *s, int i) {
  pthread_mutex_lock(&s->mu);
  struct block *b = &s->table[i];
  b->link = s->spare[0];
  s->spare[0] = b;
  pthread_mutex_unlock(&s->mu);
}

// Counts the used blocks under the statistics lock only: not the lock the
// other walks hold.
int store_count(struct store *s, int k) {
  int n = 0;
  pthread_mutex_lock(&s->stats_mu);
  for (struct block *b = s->used[k]; b != NULL; b = b->link)
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 's->used[k]' is read under 's->stats_mu' instead of 's->mu', which guards it at 7 of 8 accesses [racelint-inconsistent-locking]
  // CHECK-MESSAGES: :[[@LINE-2]]:56: warning: 'b->link' is read under 's->stats_mu', but the conflicting write in 'store_give' holds 's->mu'; no lock protects both [racelint-inconsistent-locking]
    n++;
  pthread_mutex_unlock(&s->stats_mu);
  return n;
}

// Sums the bytes of a chain with no lock at all.
int chain_bytes(struct block *b) {
  int sum = 0;
  for (; b != NULL; b = b->link)
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'b->link' is read with no lock held, but 'store_give' writes it holding 's->mu' [racelint-inconsistent-locking]
    sum += b->bytes;
  return sum;
}

// A maintenance thread gives blocks back while callers take them.
static void *maintain(void *arg) {
  struct store *s = arg;
  for (;;) {
    pthread_mutex_lock(&s->mu);
    struct block *victim = s->used[0];
    pthread_mutex_unlock(&s->mu);
    if (victim != NULL)
      store_give(s, 0, victim);
  }
  return NULL;
}

void store_start(struct store *s) {
  pthread_t t;
  pthread_create(&t, NULL, maintain, s);
}

// Walks under the store's lock: the same lock as the maintenance thread's
// and store_take's, under any name.
int store_used(struct store *s, int k) {
  int n = 0;
  pthread_mutex_lock(&s->mu);
  for (struct block *b = s->used[k]; b != NULL; b = b->link)
    n += b->bytes;
  pthread_mutex_unlock(&s->mu);
  return n;
}

void store_trim(struct store *s, int k) {
  pthread_mutex_lock(&s->mu);
  for (struct block *b = s->used[k]; b != NULL; b = b->link)
    b->link = NULL;
  pthread_mutex_unlock(&s->mu);
}
