/* A freelist guarded by a spinlock taken through a try-lock spin wrapper:
 * the wrapper returns holding the lock, the release wrapper drops it. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <sched.h>

struct freelist {
  pthread_spinlock_t lock;
  void *slots[128];
  int n;
};

static void fl_acquire(pthread_spinlock_t *l) {
  while (pthread_spin_trylock(l) != 0)
    sched_yield();
}

static void fl_release(pthread_spinlock_t *l) { pthread_spin_unlock(l); }

int fl_push(struct freelist *fl, void *p) {
  int ok = 0;
  fl_acquire(&fl->lock);
  if (fl->n < 128) {
    fl->slots[fl->n++] = p;
    ok = 1;
  }
  fl_release(&fl->lock);
  return ok;
}

void *fl_pop(struct freelist *fl) {
  void *p = NULL;
  fl_acquire(&fl->lock);
  if (fl->n > 0)
    p = fl->slots[--fl->n];
  fl_release(&fl->lock);
  return p;
}

void fl_reset(struct freelist *fl) {
  fl_acquire(&fl->lock);
  fl->n = 0;
  fl_release(&fl->lock);
}
