/* A C11-threads batch processor: the helper that starts the workers sets
 * the batch size after the first thread is already running. */
#include <threads.h>

#define NWORKERS 3

static thrd_t workers[NWORKERS];
static int worker_ids[NWORKERS];
static long processed[NWORKERS];
static int batch_size = 16;

static int work(void *arg) {
  int id = *(const int *)arg;
  processed[id] += batch_size; /* RACE: racelint-unguarded-shared-state */
  return 0;
}

static void start_workers(int size) {
  for (int i = 0; i < NWORKERS; i++) {
    worker_ids[i] = i;
    thrd_create(&workers[i], work, &worker_ids[i]);
    if (i == 0)
      batch_size = size; /* RACE: racelint-unguarded-shared-state */
  }
}

static void stop_workers(void) {
  for (int i = 0; i < NWORKERS; i++)
    thrd_join(workers[i], NULL);
}

int main(void) {
  start_workers(64);
  stop_workers();
  batch_size = 0;
  long total = 0;
  for (int i = 0; i < NWORKERS; i++)
    total += processed[i];
  return total > 0 ? 0 : 1;
}
