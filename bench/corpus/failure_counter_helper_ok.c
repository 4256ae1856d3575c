/* Health checks run on a pool of prober threads and report failures through
 * a helper that takes the health lock; the supervisor resets the counter
 * under the same lock. */
#include <pthread.h>
#include <unistd.h>

static int consecutive_failures;
static pthread_mutex_t health_lock = PTHREAD_MUTEX_INITIALIZER;

static void note_failure(void) {
  pthread_mutex_lock(&health_lock);
  consecutive_failures++;
  pthread_mutex_unlock(&health_lock);
}

static void *prober(void *arg) {
  int port = (int)(long)arg;
  for (int i = 0; i < 50; i++)
    if ((port + i) % 7 == 0)
      note_failure();
  return NULL;
}

static void supervisor_tick(void) {
  pthread_mutex_lock(&health_lock);
  consecutive_failures = 0;
  pthread_mutex_unlock(&health_lock);
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
