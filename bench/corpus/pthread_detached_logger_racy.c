/* A detached logger thread drains a message slot; the main thread writes
 * the slot and the sequence number with no synchronisation. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char message[128];
static unsigned seq, printed;

static void *logger(void *arg) {
  (void)arg;
  for (;;) {
    if (printed != seq) { /* RACE: racelint-unguarded-shared-state */
      puts(message); /* RACE: racelint-unguarded-shared-state */
      printed = seq; /* RACE: racelint-unguarded-shared-state */
    }
    sleep(1);
  }
  return NULL;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, logger, NULL);
  pthread_detach(t);
  for (int i = 0; i < 3; ++i) {
    snprintf(message, sizeof message, "event %d", i); /* RACE: racelint-unguarded-shared-state */
    seq++; /* RACE: racelint-nonatomic-rmw */
    sleep(2);
  }
  return 0;
}
