/* Shard migration moves keys between two shards in either direction. Each
 * direction nests the two shard locks in its own order, but every
 * migration first takes the migration gate, so two migrations never hold
 * shard locks at the same time. */
#include <pthread.h>

static pthread_mutex_t migrate_gate = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t shard_a_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t shard_b_lock = PTHREAD_MUTEX_INITIALIZER;
static int shard_a_keys = 500, shard_b_keys = 500;

void migrate_a_to_b(int n) {
  pthread_mutex_lock(&migrate_gate);
  pthread_mutex_lock(&shard_a_lock);
  pthread_mutex_lock(&shard_b_lock);
  shard_a_keys -= n;
  shard_b_keys += n;
  pthread_mutex_unlock(&shard_b_lock);
  pthread_mutex_unlock(&shard_a_lock);
  pthread_mutex_unlock(&migrate_gate);
}

void migrate_b_to_a(int n) {
  pthread_mutex_lock(&migrate_gate);
  pthread_mutex_lock(&shard_b_lock);
  pthread_mutex_lock(&shard_a_lock);
  shard_b_keys -= n;
  shard_a_keys += n;
  pthread_mutex_unlock(&shard_a_lock);
  pthread_mutex_unlock(&shard_b_lock);
  pthread_mutex_unlock(&migrate_gate);
}

static void *rebalancer(void *arg) {
  int dir = (int)(long)arg;
  for (int i = 0; i < 1000; i++) {
    if (dir)
      migrate_a_to_b(1);
    else
      migrate_b_to_a(1);
  }
  return NULL;
}

int main(void) {
  pthread_t x, y;
  pthread_create(&x, NULL, rebalancer, (void *)0L);
  pthread_create(&y, NULL, rebalancer, (void *)1L);
  pthread_join(x, NULL);
  pthread_join(y, NULL);
  return shard_a_keys + shard_b_keys == 1000 ? 0 : 1;
}
