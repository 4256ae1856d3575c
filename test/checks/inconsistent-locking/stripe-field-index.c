// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw,racelint-lock-discipline %t -- -pthread
// RUN: %check_racelint --check-suffix=BARE %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw,racelint-lock-discipline %t.bare -- -pthread -DBARE
// Lock stripes picked by a field of the object being worked on
// (memcached's lru_locks[it->slabs_clsid]): the lock is the element that
// the same expression names at the lock and at the unlock, and a helper
// called under it runs under it. Without -DBARE every path takes the
// item's stripe and nothing is reported; with it, one thread links items
// with no stripe held and races with the locked ones. `sizes[it->cls]` in
// do_link and `sizes[id]` in count_class are guarded by the element their
// own index picks, so the class's element is the guard of `sizes` and the
// bare update is the deviant; `heads` is only touched in do_link, locked
// and bare, so nothing decides a guard and both sides are reported.
#include <pthread.h>

typedef struct item {
  struct item *next;
  int cls;
} item;

static item *heads[16];
static int sizes[16];
static pthread_mutex_t lru_locks[16];

// Called only with the item's stripe held (except by link_item_bare).
static void do_link(item *it) {
  it->next = heads[it->cls];
  // CHECK-MESSAGES-BARE: :[[@LINE-1]]:14: warning: 'heads[it->cls]' is read under 'lru_locks[it->cls]', but 'do_link' writes it with no lock held [racelint-inconsistent-locking]
  heads[it->cls] = it;
  // CHECK-MESSAGES-BARE: :[[@LINE-1]]:3: warning: 'heads[it->cls]' is written under 'lru_locks[it->cls]', but 'do_link' reads it with no lock held [racelint-inconsistent-locking]
  sizes[it->cls]++;
}

static void link_item(item *it) {
  pthread_mutex_lock(&lru_locks[it->cls]);
  do_link(it);
  pthread_mutex_unlock(&lru_locks[it->cls]);
}

// The same lists, reached through the class number.
static int count_class(int id) {
  pthread_mutex_lock(&lru_locks[id]);
  int n = sizes[id];
  pthread_mutex_unlock(&lru_locks[id]);
  return n;
}

static void *worker(void *arg) {
  item *it = (item *)arg;
  link_item(it);
  count_class(it->cls);
  return 0;
}

#ifdef BARE
// Forgets the stripe.
static void link_item_bare(item *it) { do_link(it); }
// CHECK-MESSAGES-BARE: :[[@LINE-1]]:40: warning: 'it->next' is written with no lock held, but 'do_link' writes it holding 'lru_locks[it->cls]' [racelint-inconsistent-locking]
// CHECK-MESSAGES-BARE: :[[@LINE-2]]:40: warning: 'sizes[it->cls]' is updated without holding 'lru_locks[it->cls]', which guards it at 3 of 4 accesses [racelint-inconsistent-locking]

// Returns with the stripe still held.
static void leak_stripe(item *it) {
  pthread_mutex_lock(&lru_locks[it->cls]);
  sizes[it->cls] = 0;
}
// CHECK-MESSAGES-BARE: :[[@LINE-1]]:1: warning: 'lru_locks[it->cls]' is still held when 'leak_stripe' returns [racelint-lock-discipline]

static void *bare_worker(void *arg) {
  link_item_bare((item *)arg);
  leak_stripe((item *)arg);
  return 0;
}
#endif

int main(void) {
  static item items[4];
  pthread_t t[4];
  for (int i = 0; i < 4; i++)
    pthread_create(&t[i], 0, worker, &items[i]);
#ifdef BARE
  pthread_t b;
  pthread_create(&b, 0, bare_worker, &items[0]);
  pthread_join(b, 0);
#endif
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], 0);
  return 0;
}
