/* Per-class LRU lists, each guarded by its own element of a lock array
 * picked by the item's class (lru_locks[it->cls]). The list helpers are
 * only called with that element held, but the maintainer thread that
 * trims every class forgets to take the element of the class it trims. */
#include <pthread.h>

typedef struct item {
  struct item *next;
  int cls;
} item;

static item *heads[8];
static int sizes[8];
static pthread_mutex_t lru_locks[8];

static void do_link(item *it) {
  it->next = heads[it->cls];
  heads[it->cls] = it;
  sizes[it->cls]++;
}

static void link_item(item *it) {
  pthread_mutex_lock(&lru_locks[it->cls]);
  do_link(it);
  pthread_mutex_unlock(&lru_locks[it->cls]);
}

static void reset_class(item *it) {
  pthread_mutex_lock(&lru_locks[it->cls]);
  sizes[it->cls] = 0;
  heads[it->cls] = 0;
  pthread_mutex_unlock(&lru_locks[it->cls]);
}

static void *maintainer(void *arg) {
  (void)arg;
  for (int id = 0; id < 8; id++) {
    if (sizes[id] > 100) { /* RACE: racelint-inconsistent-locking */
      heads[id] = 0; /* RACE: racelint-inconsistent-locking */
      sizes[id] = 0; /* RACE: racelint-inconsistent-locking */
    }
  }
  return 0;
}

static int class_size(int id) {
  pthread_mutex_lock(&lru_locks[id]);
  int n = sizes[id];
  pthread_mutex_unlock(&lru_locks[id]);
  return n;
}

static void *worker(void *arg) {
  item *it = arg;
  link_item(it);
  if (class_size(it->cls) > 100)
    reset_class(it);
  return 0;
}

int main(void) {
  static item items[4] = {{0, 1}, {0, 2}, {0, 1}, {0, 3}};
  pthread_t t[4], m;
  for (int i = 0; i < 8; i++)
    pthread_mutex_init(&lru_locks[i], 0);
  for (int i = 0; i < 4; i++)
    pthread_create(&t[i], 0, worker, &items[i]);
  pthread_create(&m, 0, maintainer, 0);
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], 0);
  pthread_join(m, 0);
  return 0;
}
