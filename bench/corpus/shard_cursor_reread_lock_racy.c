/* A writer cursor appends into the current shard and moves on to the
 * overflow shard when it fills up. The unlock re-reads c->cur after the
 * cursor has moved: it releases the overflow shard's mutex, which it does
 * not hold, and leaves the full shard locked. */
#include <pthread.h>

struct shard {
  pthread_mutex_t mu;
  int items;
  struct shard *overflow;
};

struct cursor {
  struct shard *cur; /* owned by one writer thread */
};

void cursor_put(struct cursor *c, int n) {
  pthread_mutex_lock(&c->cur->mu);
  c->cur->items += n;
  if (c->cur->items > 1000 && c->cur->overflow)
    c->cur = c->cur->overflow;
  pthread_mutex_unlock(&c->cur->mu); /* RACE: racelint-lock-discipline */
} /* RACE: racelint-lock-discipline */

int shard_items(struct shard *s) {
  pthread_mutex_lock(&s->mu);
  int n = s->items;
  pthread_mutex_unlock(&s->mu);
  return n;
}
