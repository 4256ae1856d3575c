/* FLAGS: -std=gnu11 -pthread */
/* A poller thread loops on a volatile int that the main thread clears;
 * volatile gives no atomicity or ordering. The poll counter is shared too. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static volatile int keep_running = 1;
static long polls;

static void *poller(void *arg) {
  (void)arg;
  while (keep_running) { /* RACE: racelint-unguarded-shared-state */
    polls++; /* RACE: racelint-nonatomic-rmw */
    usleep(1000);
  }
  return NULL;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, poller, NULL);
  sleep(1);
  keep_running = 0; /* RACE: racelint-unguarded-shared-state */
  printf("polls so far: %ld\n", polls); /* RACE: racelint-unguarded-shared-state */
  pthread_join(t, NULL);
  return 0;
}
