/* FLAGS: -std=gnu11 -pthread */
/* A poller thread loops on a C11 atomic flag; its counter is read only
 * after the join. */
#include <stdatomic.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static atomic_int keep_running = 1;
static long polls;

static void *poller(void *arg) {
  (void)arg;
  while (atomic_load(&keep_running)) {
    polls++;
    usleep(1000);
  }
  return NULL;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, poller, NULL);
  sleep(1);
  atomic_store(&keep_running, 0);
  pthread_join(t, NULL);
  printf("polls: %ld\n", polls);
  return 0;
}
