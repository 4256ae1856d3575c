/* A slab allocator: slab_alloc() holds the slab lock and, when the slab is
 * empty, refills it through a helper that expects the lock to be held. */
#include <pthread.h>
#include <stdlib.h>

struct slab {
  pthread_mutex_t mu;
  void *free_objs[256];
  int nfree;
  size_t obj_size;
};

/* Caller holds s->mu. */
static void slab_refill_locked(struct slab *s, int n) {
  for (int i = 0; i < n && s->nfree < 256; i++)
    s->free_objs[s->nfree++] = malloc(s->obj_size);
}

void slab_grow(struct slab *s, int n) {
  pthread_mutex_lock(&s->mu);
  slab_refill_locked(s, n);
  pthread_mutex_unlock(&s->mu);
}

void *slab_alloc(struct slab *s) {
  pthread_mutex_lock(&s->mu);
  if (s->nfree == 0)
    slab_refill_locked(s, 32);
  void *p = s->nfree ? s->free_objs[--s->nfree] : NULL;
  pthread_mutex_unlock(&s->mu);
  return p;
}
