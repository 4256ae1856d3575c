// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -pthread
// A lock found through the value of a pointer (`c->cur->mu`) guards what the
// pointer points to, not the pointer: the pointer has to be read to find the
// lock. Moving the cursor while holding the old shard's lock does not make
// that lock the cursor's guard, so reading the cursor without it is no
// deviation. A cursor with a lock of its own does have a guard.
#include <pthread.h>

struct shard {
  pthread_mutex_t mu;
  int items;
  struct shard *overflow;
};

struct cursor {
  struct shard *cur;
};

void cursor_put(struct cursor *c, int n) {
  struct shard *s = c->cur;
  pthread_mutex_lock(&s->mu);
  s->items += n;
  if (s->items > 1000 && s->overflow)
    c->cur = s->overflow;
  pthread_mutex_unlock(&s->mu);
}

int shard_items(struct shard *s) {
  pthread_mutex_lock(&s->mu);
  int n = s->items;
  pthread_mutex_unlock(&s->mu);
  return n;
}

struct locked_cursor {
  pthread_mutex_t mu;
  struct shard *cur;
};

void locked_cursor_advance(struct locked_cursor *c) {
  pthread_mutex_lock(&c->mu);
  if (c->cur->overflow)
    c->cur = c->cur->overflow;
  pthread_mutex_unlock(&c->mu);
}

void locked_cursor_rewind(struct locked_cursor *c, struct shard *first) {
  pthread_mutex_lock(&c->mu);
  c->cur = first;
  pthread_mutex_unlock(&c->mu);
}

struct shard *locked_cursor_peek(struct locked_cursor *c) {
  return c->cur;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'c->cur' is read without holding 'c->mu', which guards it at {{[0-9]+}} of {{[0-9]+}} accesses [racelint-inconsistent-locking]
}
