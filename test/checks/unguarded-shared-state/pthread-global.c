// RUN: %check_racelint %s racelint-unguarded-shared-state %t -- -std=c11 -pthread
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
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'jobs_done' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
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
