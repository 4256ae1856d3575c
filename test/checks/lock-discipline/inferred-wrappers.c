// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c11 -pthread
// Unannotated lock/unlock wrappers are inferred from their bodies (shapes
// taken from memcached): the wrapper that returns holding a lock is silent
// when the translation unit releases that lock elsewhere, and its callers
// see the lock taken and released at the calls.
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static long hits;

void STATS_LOCK(void) { pthread_mutex_lock(&stats_lock); }
void STATS_UNLOCK(void) { pthread_mutex_unlock(&stats_lock); }

void countGood(void) {
  STATS_LOCK();
  hits++;
  STATS_UNLOCK();
}

int countBad(int n) {
  STATS_LOCK();
  if (n < 0)
    return -1;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'stats_lock' is still held when 'countBad' returns [racelint-lock-discipline]
    // CHECK-NOTES: :[[@LINE-4]]:3: note: 'stats_lock' acquired here
  hits += n;
  STATS_UNLOCK();
  return 0;
}

void twiceBad(void) {
  STATS_LOCK();
  STATS_LOCK();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'stats_lock' is locked again while already held; it is not recursive, so this deadlocks [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'stats_lock' first acquired here
  STATS_UNLOCK();
}

void unlockTwiceBad(void) {
  STATS_LOCK();
  STATS_UNLOCK();
  STATS_UNLOCK();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'stats_lock' is unlocked twice [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'stats_lock' already released here
}

// Nothing in the file releases leak_lock without taking it: a forgotten
// unlock, not a wrapper.
static pthread_mutex_t leak_lock = PTHREAD_MUTEX_INITIALIZER;
static int leaked;

void leakBad(void) {
  pthread_mutex_lock(&leak_lock);
  leaked++;
}
// CHECK-NOTES: :[[@LINE-1]]:1: warning: 'leak_lock' is still held when 'leakBad' returns [racelint-lock-discipline]
// CHECK-NOTES: :[[@LINE-4]]:3: note: 'leak_lock' acquired here

// Wrappers of wrappers.
void stats_lock_all(void) { STATS_LOCK(); }
void stats_unlock_all(void) { STATS_UNLOCK(); }

void nestedGood(void) {
  stats_lock_all();
  hits++;
  stats_unlock_all();
}

void nestedBad(void) {
  stats_lock_all();
  hits++;
}
// CHECK-NOTES: :[[@LINE-1]]:1: warning: 'stats_lock' is still held when 'nestedBad' returns [racelint-lock-discipline]
// CHECK-NOTES: :[[@LINE-4]]:3: note: 'stats_lock' acquired here

// A wrapper pair taking the lock through a parameter: callers name it
// through their argument.
struct table {
  pthread_mutex_t mu;
  int rows;
};

void table_lock(struct table *t) { pthread_mutex_lock(&t->mu); }
void table_unlock(struct table *t) { pthread_mutex_unlock(&t->mu); }

void tableGood(struct table *t) {
  table_lock(t);
  t->rows++;
  table_unlock(t);
}

void tableMismatchBad(struct table *a, struct table *b) {
  table_lock(a);
  a->rows++;
  table_unlock(b);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: unlocking 'b->mu', which is not held, while holding 'a->mu' [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-4]]:3: note: 'a->mu' acquired here
}

// Returns holding the lock unless it returns NULL (memcached's
// assoc_get_iterator / assoc_iterate_final).
static pthread_mutex_t maintenance_lock = PTHREAD_MUTEX_INITIALIZER;
struct iter {
  int bucket;
};

struct iter *iter_begin(void) {
  struct iter *it = calloc(1, sizeof *it);
  if (it == NULL)
    return NULL;
  pthread_mutex_lock(&maintenance_lock);
  return it;
}

void iter_end(struct iter *it) {
  pthread_mutex_unlock(&maintenance_lock);
  free(it);
}

void walkGood(void) {
  struct iter *it = iter_begin();
  if (it == NULL)
    return;
  it->bucket++;
  iter_end(it);
}

void walkBad(void) {
  struct iter *it = iter_begin();
  if (it == NULL)
    return;
  free(it);
}
// CHECK-NOTES: :[[@LINE-1]]:1: warning: 'maintenance_lock' is still held when 'walkBad' returns [racelint-lock-discipline]
// CHECK-NOTES: :[[@LINE-6]]:21: note: 'maintenance_lock' acquired here

// Holds the lock on its failure exit: a forgotten unlock on the error path.
struct iter *iterBeginBad(void) {
  pthread_mutex_lock(&maintenance_lock);
  struct iter *it = calloc(1, sizeof *it);
  if (it == NULL)
    return NULL;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'maintenance_lock' is still held when 'iterBeginBad' returns [racelint-lock-discipline]
    // CHECK-NOTES: :[[@LINE-5]]:3: note: 'maintenance_lock' acquired here
  pthread_mutex_unlock(&maintenance_lock);
  return it;
}

// A lock/unlock switch driven by its argument (memcached's pause_threads).
enum pause_type { PAUSE, RESUME };
static pthread_mutex_t hang_lock = PTHREAD_MUTEX_INITIALIZER;

void pause_workers(enum pause_type t) {
  switch (t) {
  case PAUSE:
    pthread_mutex_lock(&hang_lock);
    break;
  case RESUME:
    pthread_mutex_unlock(&hang_lock);
    break;
  }
}

void pauseGood(void) {
  pause_workers(PAUSE);
  hits++;
  pause_workers(RESUME);
}

// Takes a lock on some paths and never releases it anywhere.
static pthread_mutex_t other_lock = PTHREAD_MUTEX_INITIALIZER;

void pauseBad(enum pause_type t) {
  if (t == PAUSE)
    pthread_mutex_lock(&other_lock);
}
// CHECK-NOTES: :[[@LINE-1]]:1: warning: 'other_lock' is still held when 'pauseBad' returns [racelint-lock-discipline]
// CHECK-NOTES: :[[@LINE-3]]:5: note: 'other_lock' acquired here

// A try-lock that returns the lock it holds (memcached's item_trylock).
static pthread_mutex_t item_locks[16];

pthread_mutex_t *item_trylock(unsigned hv) {
  pthread_mutex_t *lock = &item_locks[hv % 16];
  if (pthread_mutex_trylock(lock) == 0)
    return lock;
  return NULL;
}

void item_trylock_unlock(pthread_mutex_t *lock) { pthread_mutex_unlock(lock); }

// Holds the lock but returns a flag: the caller cannot release it.
int itemTryBad(unsigned hv) {
  pthread_mutex_t *lock = &item_locks[hv % 16];
  if (pthread_mutex_trylock(lock) == 0)
    return 1;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: '*lock' is still held when 'itemTryBad' returns [racelint-lock-discipline]
    // CHECK-NOTES: :[[@LINE-3]]:7: note: '*lock' acquired here
  return 0;
}

// Called with crawler_lock held; lets other threads in between items
// (memcached's item_crawl_hash).
static pthread_mutex_t crawler_lock = PTHREAD_MUTEX_INITIALIZER;
static int crawled;

static void crawl_items(int n) {
  for (int i = 0; i < n; i++) {
    crawled++;
    if (i % 8 == 0) {
      pthread_mutex_unlock(&crawler_lock);
      pthread_mutex_lock(&crawler_lock);
    }
  }
}

void crawlGood(int n) {
  pthread_mutex_lock(&crawler_lock);
  crawl_items(n);
  pthread_mutex_unlock(&crawler_lock);
}

static void crawlTwiceBad(int n) {
  pthread_mutex_unlock(&crawler_lock);
  crawled += n;
  pthread_mutex_lock(&crawler_lock);
  pthread_mutex_lock(&crawler_lock);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'crawler_lock' is locked again while already held; it is not recursive, so this deadlocks [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'crawler_lock' first acquired here
}

// Leaves a page locked for the caller when it returns 0 (memcached's
// extstore_write_request); write_finish releases it.
struct page {
  pthread_mutex_t mutex;
  int free;
};
struct engine {
  struct page pages[4];
};

int write_request(struct engine *e, int id) {
  struct page *p = &e->pages[id];
  int ret = -1;
  pthread_mutex_lock(&p->mutex);
  if (p->free > 0)
    return 0;
  pthread_mutex_unlock(&p->mutex);
  return ret;
}

void write_finish(struct engine *e, int id) {
  struct page *p = &e->pages[id];
  p->free--;
  pthread_mutex_unlock(&p->mutex);
}

// Returns the error code with the page still locked.
int writeRequestBad(struct engine *e, int id) {
  struct page *p = &e->pages[id];
  pthread_mutex_lock(&p->mutex);
  if (p->free <= 0)
    return -1;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'e->pages[id].mutex' is still held when 'writeRequestBad' returns [racelint-lock-discipline]
    // CHECK-NOTES: :[[@LINE-4]]:3: note: 'e->pages[id].mutex' acquired here
  pthread_mutex_unlock(&p->mutex);
  return 0;
}

void writeGood(struct engine *e) {
  if (write_request(e, 1) == 0)
    write_finish(e, 1);
}

void useCrawlTwice(void) { crawlTwiceBad(1); }
