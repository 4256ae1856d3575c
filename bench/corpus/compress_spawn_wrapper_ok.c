/* A parallel compressor starts its workers through a wrapper that sets the
 * stack size; the workers add their output size under a lock, and main
 * reads the total after joining both. */
#include <pthread.h>
#include <stdio.h>

static long compressed_bytes;
static pthread_mutex_t total_lock = PTHREAD_MUTEX_INITIALIZER;

static int spawn_worker(pthread_t *t, void *(*fn)(void *), void *arg) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 1 << 20);
  int rc = pthread_create(t, &attr, fn, arg);
  pthread_attr_destroy(&attr);
  return rc;
}

static void *compress_chunk(void *arg) {
  long in = (long)arg;
  long out = in / 3 + 64;
  pthread_mutex_lock(&total_lock);
  compressed_bytes += out;
  pthread_mutex_unlock(&total_lock);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  spawn_worker(&a, compress_chunk, (void *)(1L << 20));
  spawn_worker(&b, compress_chunk, (void *)(1L << 19));
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("%ld\n", compressed_bytes);
  compressed_bytes = 0;
  return 0;
}
