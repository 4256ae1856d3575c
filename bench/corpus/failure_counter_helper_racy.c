/* Health checks run on a pool of prober threads and report failures through
 * a helper; the helper bumps the counter with no lock, and the supervisor
 * resets it from the main thread while probers are running. */
#include <pthread.h>
#include <unistd.h>

static int consecutive_failures;

static void note_failure(void) {
  consecutive_failures++; /* RACE: racelint-nonatomic-rmw */
}

static void *prober(void *arg) {
  int port = (int)(long)arg;
  for (int i = 0; i < 50; i++)
    if ((port + i) % 7 == 0)
      note_failure();
  return NULL;
}

static void supervisor_tick(void) {
  consecutive_failures = 0; /* RACE: racelint-unguarded-shared-state */
}

int main(void) {
  pthread_t p[4];
  for (long i = 0; i < 4; i++)
    pthread_create(&p[i], NULL, prober, (void *)(8080 + i));
  supervisor_tick();
  for (int i = 0; i < 4; i++)
    pthread_join(p[i], NULL);
  return consecutive_failures;
}
