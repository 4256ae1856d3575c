/* Start-up gate: main takes the gate lock before starting the workers,
 * fills in the shared settings, then opens the gate. Each worker passes the
 * gate (lock + unlock) before it reads the settings. */
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
  return (void *)(long)(g_settings.shard_count * 100 + g_settings.replica_id);
}

int main(int argc, char **argv) {
  pthread_t w[4];
  pthread_mutex_lock(&gate);
  for (int i = 0; i < 4; i++)
    pthread_create(&w[i], NULL, worker, NULL);
  g_settings.shard_count = argc > 1 ? argv[1][0] - '0' : 8;
  g_settings.replica_id = 3;
  pthread_mutex_unlock(&gate);
  for (int i = 0; i < 4; i++)
    pthread_join(w[i], NULL);
  return 0;
}
