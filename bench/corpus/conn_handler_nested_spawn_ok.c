/* An acceptor thread starts a detached handler thread per connection; the
 * handlers track the number of live connections with C11 atomics. */
#include <pthread.h>
#include <stdatomic.h>

static atomic_int active_conns;
static atomic_long total_conns;

static void *handler(void *arg) {
  (void)arg;
  atomic_fetch_add(&active_conns, 1);
  atomic_fetch_add(&total_conns, 1);
  /* ... serve the request ... */
  atomic_fetch_sub(&active_conns, 1);
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
  return atomic_load(&total_conns) >= 0 ? 0 : 1;
}
