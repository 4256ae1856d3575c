/* A cache inside an embeddable library: the host application supplies the
 * lock implementation through a table of function pointers and may run the
 * library single-threaded with no lock at all (lock handle NULL). */
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
  c->hits++;
  int e = c->entries;
  CACHE_UNLOCK(c->lock);
  return e;
}

long cache_hits(struct cache *c) {
  CACHE_LOCK(c->lock);
  long h = c->hits;
  CACHE_UNLOCK(c->lock);
  return h;
}
