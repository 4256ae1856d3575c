/* Start-up gate: main takes the gate lock before starting the workers and
 * each worker passes the gate before it reads the settings. But the replica
 * id is filled in after the gate is opened. */
#include <pthread.h>

struct settings {
  int shard_count;
  int replica_id;
};

static struct settings g_settings;
static pthread_mutex_t gate = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg) {
  (void)arg;
  pthread_mutex_lock(&gate);
  pthread_mutex_unlock(&gate);
  int shards = g_settings.shard_count;
  int replica = g_settings.replica_id; /* RACE: racelint-unguarded-shared-state */
  return (void *)(long)(shards * 100 + replica);
}

int main(int argc, char **argv) {
  pthread_t w[4];
  pthread_mutex_lock(&gate);
  for (int i = 0; i < 4; i++)
    pthread_create(&w[i], NULL, worker, NULL);
  g_settings.shard_count = argc > 1 ? argv[1][0] - '0' : 8;
  pthread_mutex_unlock(&gate);
  g_settings.replica_id = 3; /* RACE: racelint-unguarded-shared-state */
  for (int i = 0; i < 4; i++)
    pthread_join(w[i], NULL);
  return 0;
}
