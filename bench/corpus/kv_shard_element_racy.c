/* A sharded key counter: each shard has its own mutex and the workers update
 * a shard through a helper that locks it. The rebalancer empties shard 3
 * directly, without that shard's lock. */
#include <pthread.h>

#define NSHARDS 8

struct shard {
  pthread_mutex_t mu;
  long keys;
  long bytes;
};

static struct shard shards[NSHARDS];

static void shard_add(struct shard *s, long bytes) {
  pthread_mutex_lock(&s->mu);
  s->keys++;
  s->bytes += bytes;
  pthread_mutex_unlock(&s->mu);
}

static long shard_keys(struct shard *s) {
  pthread_mutex_lock(&s->mu);
  long n = s->keys + (s->bytes > 0);
  pthread_mutex_unlock(&s->mu);
  return n;
}

static void *ingest(void *arg) {
  unsigned seed = (unsigned)(unsigned long)arg;
  for (int i = 0; i < 10000; i++) {
    seed = seed * 1103515245u + 12345u;
    shard_add(&shards[seed % NSHARDS], 64);
  }
  return NULL;
}

static void rebalance(void) {
  shard_add(&shards[2], 0);
  shards[3].keys = 0; /* RACE: racelint-inconsistent-locking */
  shards[3].bytes = 0; /* RACE: racelint-inconsistent-locking */
}

int main(void) {
  for (int i = 0; i < NSHARDS; i++)
    pthread_mutex_init(&shards[i].mu, NULL);
  pthread_t t;
  pthread_create(&t, NULL, ingest, (void *)7ul);
  rebalance();
  pthread_join(t, NULL);
  return shard_keys(&shards[3]) >= 0 ? 0 : 1;
}
