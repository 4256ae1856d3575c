// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c11 -pthread
// The same lock-discipline defects through helpers and C11 <threads.h>:
// a helper locking its mtx_t* parameter called with that mutex already
// held, element mutexes unlocked on another index, an unlock on a path
// that skipped the lock, and a base pointer re-read for the unlock.
#include <stddef.h>
#include <threads.h>

static mtx_t pool_mu;
static int pool_free;
int pool_ready(void);

static void pool_put(mtx_t *m) {
  mtx_lock(m);
  pool_free++;
  mtx_unlock(m);
}
static void pool_put_locked(void) { pool_free++; }

void pool_refill_bad(void) {
  mtx_lock(&pool_mu);
  pool_put(&pool_mu);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pool_put' locks 'pool_mu', which is already held here; it is not recursive, so this deadlocks [racelint-lock-discipline]
  mtx_unlock(&pool_mu);
}

void pool_refill_good(void) {
  mtx_lock(&pool_mu);
  pool_put_locked();
  mtx_unlock(&pool_mu);
  pool_put(&pool_mu);
}

void pool_maybe_twice(void) {
  if (pool_ready())
    mtx_lock(&pool_mu);
  mtx_lock(&pool_mu);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pool_mu' may be locked twice: it is still held here on some paths, and it is not recursive, so those paths deadlock [racelint-lock-discipline]
  pool_free = 0;
  mtx_unlock(&pool_mu);
}

void pool_once_each(void) {
  if (pool_ready()) {
    mtx_lock(&pool_mu);
    pool_free = 1;
    mtx_unlock(&pool_mu);
  }
  mtx_lock(&pool_mu);
  pool_free = 0;
  mtx_unlock(&pool_mu);
}

/* Element mutexes. */
static mtx_t lane_mu[4];
static int lane_load[4];

void lane_shift_bad(int from, int to) {
  mtx_lock(&lane_mu[from]);
  lane_load[from]--;
  mtx_unlock(&lane_mu[to]);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: unlocking 'lane_mu[to]', which is not held, while holding 'lane_mu[from]' [racelint-lock-discipline]
}

void lane_shift_good(int from, int to) {
  mtx_lock(&lane_mu[from]);
  lane_load[from]--;
  mtx_unlock(&lane_mu[from]);
  mtx_lock(&lane_mu[to]);
  lane_load[to]++;
  mtx_unlock(&lane_mu[to]);
}

/* Unlock on a path that skipped the lock. */
int lane_try_bad(int i) {
  if (i < 0 || i >= 4) {
    mtx_unlock(&lane_mu[0]);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'lane_mu[0]' is unlocked here but is not held on this path [racelint-lock-discipline]
    return -1;
  }
  mtx_lock(&lane_mu[0]);
  lane_load[0] = i;
  mtx_unlock(&lane_mu[0]);
  return 0;
}

int lane_try_good(int i) {
  mtx_lock(&lane_mu[0]);
  if (i < 0 || i >= 4) {
    mtx_unlock(&lane_mu[0]);
    return -1;
  }
  lane_load[0] = i;
  mtx_unlock(&lane_mu[0]);
  return 0;
}

/* Base pointer re-read. */
struct shard {
  mtx_t mu;
  int items;
};
struct cursor {
  struct shard *at;
  int pos;
};

void cursor_seek(struct cursor *c, struct shard *s) { c->at = s; }

void cursor_drop_bad(struct cursor *c) {
  mtx_lock(&c->at->mu);
  c->at->items--;
  mtx_unlock(&c->at->mu);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'c->at' is read again to unlock 'c->at->mu'; it may have changed since the lock, so this may unlock a different mutex [racelint-lock-discipline]
}

void cursor_drop_good(struct cursor *c) {
  struct shard *s = c->at;
  mtx_lock(&s->mu);
  s->items--;
  mtx_unlock(&s->mu);
}
