// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-nonatomic-rmw %t -- -std=c11 -pthread
// A global the worker threads write races; one only main() touches before
// the threads start and after they are joined does not.
#include <pthread.h>
#include <stddef.h>

static int jobs_done;
static int config_level;
static int result_total;

static void *worker(void *arg) {
  (void)arg;
  jobs_done = jobs_done + 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: non-atomic read-modify-write of shared 'jobs_done' with no lock held [racelint-nonatomic-rmw]
  return NULL;
}

int main(void) {
  pthread_t t[4];
  config_level = 3;
  for (int i = 0; i < 4; ++i)
    pthread_create(&t[i], NULL, worker, NULL);
  for (int i = 0; i < 4; ++i)
    pthread_join(t[i], NULL);
  result_total = jobs_done + config_level;
  return result_total == 4 ? 0 : 1;
}
