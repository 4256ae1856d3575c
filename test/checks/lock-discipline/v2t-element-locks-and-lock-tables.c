// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c11 -pthread
// Element locks and wrapped lock APIs: an array of mutexes where the
// element locked must be the element unlocked; a finishing helper that
// unlocks the element on a path where it was never taken; lock operations
// reached through a table of function pointers with `if (lk)` null
// guards (the null path holds nothing and needs no release).
#include <pthread.h>
#include <stddef.h>

#define NSHARD 8
static pthread_mutex_t shard_mu[NSHARD];
static int shard_len[NSHARD];
int shard_ready(int i);

/* Locked on one element, released on another. */
void shard_move_bad(int i, int j) {
  pthread_mutex_lock(&shard_mu[i]);
  shard_len[i]--;
  pthread_mutex_unlock(&shard_mu[j]);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: unlocking 'shard_mu[j]', which is not held, while holding 'shard_mu[i]' [racelint-lock-discipline]
}

void shard_move_good(int i, int j) {
  pthread_mutex_lock(&shard_mu[i]);
  shard_len[i]--;
  pthread_mutex_unlock(&shard_mu[i]);
  pthread_mutex_lock(&shard_mu[j]);
  shard_len[j]++;
  pthread_mutex_unlock(&shard_mu[j]);
}

/* A finishing helper that releases the element's lock. */
static void shard_finish(int i) {
  shard_len[i] = 0;
  pthread_mutex_unlock(&shard_mu[i]);
}

void shard_drain_bad(void) {
  for (int i = 0; i < NSHARD; i++) {
    if (!shard_ready(i)) {
      shard_finish(i);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'shard_finish' unlocks 'shard_mu[i]' here, but it is not held on this path [racelint-lock-discipline]
      continue;
    }
    pthread_mutex_lock(&shard_mu[i]);
    shard_len[i]--;
    shard_finish(i);
  }
}

void shard_drain_good(void) {
  for (int i = 0; i < NSHARD; i++) {
    pthread_mutex_lock(&shard_mu[i]);
    if (!shard_ready(i)) {
      shard_finish(i);
      continue;
    }
    shard_len[i]--;
    shard_finish(i);
  }
}

/* Lock operations through a table, every call guarded by `if (lk)`. */
struct lock_vtbl {
  int (*acquire)(void *lk);
  int (*release)(void *lk);
};
extern struct lock_vtbl app_locks;
#define HOLD(lk) do { if (lk) app_locks.acquire(lk); } while (0)
#define DROP(lk) do { if (lk) app_locks.release(lk); } while (0)

struct port {
  void *lock;
  int queued;
  int paused;
};

void port_pause_bad(struct port *p) {
  HOLD(p->lock);
  p->paused = 1;
  HOLD(p->lock);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: '*p->lock' is locked again while already held; it is not recursive, so this deadlocks [racelint-lock-discipline]
}

void port_pause_good(struct port *p) {
  HOLD(p->lock);
  p->paused = 1;
  DROP(p->lock);
}

int port_push(struct port *p, int n) {
  HOLD(p->lock);
  if (n < 0) {
    DROP(p->lock);
    return -1;
  }
  p->queued += n;
  DROP(p->lock);
  return 0;
}

int port_push_leaky(struct port *p, int n) {
  HOLD(p->lock);
  if (n < 0)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: '*p->lock' is still held when 'port_push_leaky' returns [racelint-lock-discipline]
  p->queued += n;
  DROP(p->lock);
  return 0;
}
