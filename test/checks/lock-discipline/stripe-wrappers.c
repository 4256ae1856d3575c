// RUN: %check_racelint %s racelint-lock-discipline,racelint-inconsistent-locking,racelint-unguarded-shared-state %t -- -pthread
// Hash-striped item locks behind wrappers (memcached's item_lock(hv) /
// item_unlock(hv) over item_locks[hv & hashmask(power)]): at each call the
// stripe is the one the argument picks, so two items locked at once are
// two stripes (no double lock), and releasing another hash's stripe is
// caught.
#include <pthread.h>
#include <stdint.h>

#define hashmask(n) ((1u << (n)) - 1)
static pthread_mutex_t item_locks[64];
static unsigned item_lock_hashpower = 6;

typedef struct item {
  int value;
} item;
static item *table[64];

void item_lock(uint32_t hv) {
  pthread_mutex_lock(&item_locks[hv & hashmask(item_lock_hashpower)]);
}
void item_unlock(uint32_t hv) {
  pthread_mutex_unlock(&item_locks[hv & hashmask(item_lock_hashpower)]);
}

// Silent: each stripe is taken once and released.
int read_item(uint32_t hv) {
  item_lock(hv);
  int v = table[hv & 63]->value;
  item_unlock(hv);
  return v;
}

// Silent: two stripes held at once are not one lock taken twice.
int swap_items(uint32_t a, uint32_t b) {
  item_lock(a);
  item_lock(b);
  int t = table[a & 63]->value;
  table[a & 63]->value = table[b & 63]->value;
  table[b & 63]->value = t;
  item_unlock(b);
  item_unlock(a);
  return t;
}

// The same stripe twice is a self-deadlock.
void relock(uint32_t hv) {
  item_lock(hv);
  item_lock(hv);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'item_locks[hv & ((1 << item_lock_hashpower) - 1)]' is locked again while already held; it is not recursive, so this deadlocks [racelint-lock-discipline]
  item_unlock(hv);
}

// Returns with its stripe held.
int leak(uint32_t h) {
  item_lock(h);
  return table[h & 63]->value;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'item_locks[h & ((1 << item_lock_hashpower) - 1)]' is still held when 'leak' returns [racelint-lock-discipline]
}

// Releases the stripe of another hash.
int wrong_unlock(uint32_t h, uint32_t g) {
  item_lock(h);
  int v = table[h & 63]->value;
  item_unlock(g);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: unlocking 'item_locks[g & ((1 << item_lock_hashpower) - 1)]', which is not held, while holding 'item_locks[h & ((1 << item_lock_hashpower) - 1)]' [racelint-lock-discipline]
  return v;
}
