/* A writer cursor appends into the current shard and moves on to the
 * overflow shard when it fills up. The shard is read once into a local, so
 * the mutex released is the one that was taken. */
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
