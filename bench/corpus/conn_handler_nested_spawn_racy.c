/* An acceptor thread starts a detached handler thread per connection; the
 * handlers track the number of live connections in plain ints, and the
 * handlers run concurrently with each other. */
#include <pthread.h>

static int active_conns;
static long total_conns;

static void *handler(void *arg) {
  (void)arg;
  active_conns++; /* RACE: racelint-nonatomic-rmw */
  total_conns++; /* RACE: racelint-nonatomic-rmw */
  /* ... serve the request ... */
  active_conns--; /* RACE: racelint-nonatomic-rmw */
  return NULL;
}

static void *acceptor(void *arg) {
  int backlog = *(const int *)arg;
  for (int i = 0; i < backlog; i++) {
    pthread_t h;
    if (pthread_create(&h, NULL, handler, NULL) == 0)
      pthread_detach(h);
  }
  return NULL;
}

int main(void) {
  static const int backlog = 32;
  pthread_t a;
  pthread_create(&a, NULL, acceptor, (void *)&backlog);
  pthread_join(a, NULL);
  return 0;
}
