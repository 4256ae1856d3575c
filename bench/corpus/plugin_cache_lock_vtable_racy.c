/* A cache inside an embeddable library: the host application supplies the
 * lock implementation through a table of function pointers (lock handle
 * NULL when single-threaded). The statistics getter skips the lock, and the
 * lookup's empty-cache path returns without releasing it. */
#include <stddef.h>

struct lock_api {
  void (*acquire)(void *lk);
  void (*release)(void *lk);
};

extern const struct lock_api *g_lock_api; /* installed by the host */

#define CACHE_LOCK(lk) do { if (lk) g_lock_api->acquire(lk); } while (0)
#define CACHE_UNLOCK(lk) do { if (lk) g_lock_api->release(lk); } while (0)

struct cache {
  void *lock;
  int entries;
  long hits;
};

void cache_insert(struct cache *c) {
  CACHE_LOCK(c->lock);
  c->entries++;
  CACHE_UNLOCK(c->lock);
}

int cache_lookup(struct cache *c) {
  CACHE_LOCK(c->lock);
  if (c->entries == 0)
    return -1; /* RACE: racelint-lock-discipline */
  c->hits++;
  int e = c->entries;
  CACHE_UNLOCK(c->lock);
  return e;
}

long cache_hits(struct cache *c) {
  return c->hits; /* RACE: racelint-inconsistent-locking */
}
