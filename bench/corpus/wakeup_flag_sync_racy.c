/* An event loop's wake-up box: producers on any thread raise it with a GCC
 * __sync builtin, but the loop tests and clears it with plain accesses, so a
 * raise that lands between the test and the clear is lost. */
#include <pthread.h>

struct wakeup {
  int pending;
  long handled;
};

static struct wakeup g_wake;

static void *producer(void *arg) {
  (void)arg;
  for (int i = 0; i < 1000; i++)
    __sync_fetch_and_or(&g_wake.pending, 1);
  return NULL;
}

static int loop_once(struct wakeup *w) {
  if (!w->pending) /* RACE: racelint-unguarded-shared-state */
    return 0;
  w->pending = 0; /* RACE: racelint-nonatomic-rmw */
  w->handled++;
  return 1;
}

int main(void) {
  pthread_t p[2];
  for (int i = 0; i < 2; i++)
    pthread_create(&p[i], NULL, producer, NULL);
  for (int spins = 0; spins < 100000; spins++)
    loop_once(&g_wake);
  for (int i = 0; i < 2; i++)
    pthread_join(p[i], NULL);
  return g_wake.handled > 0 ? 0 : 1;
}
