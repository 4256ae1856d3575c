// RUN: %check_racelint %s racelint-inconsistent-locking %t -- -std=c11 -pthread
// A field's lock is named relative to the object that holds both: the same
// guard whether the object is reached as `e`, `me->e` or through a helper's
// parameter. Seen in memcached's extstore (me->e->stats_mutex).
#include <pthread.h>

struct engine {
  pthread_mutex_t stats_mutex;
  long stats_writes;
};

struct maint {
  struct engine *e;
};

void engine_count(struct engine *e) {
  pthread_mutex_lock(&e->stats_mutex);
  e->stats_writes++;
  pthread_mutex_unlock(&e->stats_mutex);
}

long engine_writes(struct engine *e) {
  pthread_mutex_lock(&e->stats_mutex);
  long n = e->stats_writes;
  pthread_mutex_unlock(&e->stats_mutex);
  return n;
}

// Two levels down, same lock: consistent.
void maint_count(struct maint *me) {
  pthread_mutex_lock(&me->e->stats_mutex);
  me->e->stats_writes += 2;
  pthread_mutex_unlock(&me->e->stats_mutex);
}

// Two levels down without it: the bug.
void maint_reset(struct maint *me) {
  me->e->stats_writes = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'me->e->stats_writes' is written without holding 'me->e->stats_mutex', which guards it at 4 of 6 accesses [racelint-inconsistent-locking]
}

// Through a local bound to `me->e`: the lockset names the lock
// `me->e->stats_mutex`, the access is `e->stats_writes`; same object.
void maint_count_alias(struct maint *me) {
  struct engine *e = me->e;
  pthread_mutex_lock(&e->stats_mutex);
  e->stats_writes += 3;
  pthread_mutex_unlock(&e->stats_mutex);
}

void maint_clear_alias(struct maint *me) {
  struct engine *e = me->e;
  e->stats_writes = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'e->stats_writes' is written without holding 'e->stats_mutex', which guards it at 4 of 6 accesses [racelint-inconsistent-locking]
}

struct page {
  pthread_mutex_t mutex;
  long bytes;
};

static void page_add(struct page *p, long n) { p->bytes += n; }

// The caller holds the page's own lock around the helper: consistent.
void page_write(struct page *pg, long n) {
  pthread_mutex_lock(&pg->mutex);
  page_add(pg, n);
  pthread_mutex_unlock(&pg->mutex);
}

long page_bytes(struct page *pg) {
  pthread_mutex_lock(&pg->mutex);
  long b = pg->bytes;
  pthread_mutex_unlock(&pg->mutex);
  return b;
}

// The helper called without it: reported at the call.
void page_write_unlocked(struct page *pg, long n) {
  page_add(pg, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p->bytes' is updated without holding 'p->mutex', which guards it at 2 of 3 accesses [racelint-inconsistent-locking]
}
