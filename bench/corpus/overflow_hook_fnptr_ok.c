/* A message queue library calls an overflow hook through a function
 * pointer; the application installs it before the workers start, and the
 * hook counts overflows under a lock. */
#include <pthread.h>
#include <stdio.h>

typedef void (*overflow_fn)(int queue_id);

static void ignore_overflow(int queue_id) { (void)queue_id; }
static overflow_fn on_overflow = ignore_overflow;
static long overflows;
static pthread_mutex_t overflow_lock = PTHREAD_MUTEX_INITIALIZER;

static void count_overflow(int queue_id) {
  (void)queue_id;
  pthread_mutex_lock(&overflow_lock);
  overflows++;
  pthread_mutex_unlock(&overflow_lock);
}

static void *queue_worker(void *arg) {
  int id = (int)(long)arg;
  for (int depth = 0; depth < 2000; depth++)
    if (depth > 1024)
      on_overflow(id);
  return NULL;
}

int main(void) {
  on_overflow = count_overflow;
  pthread_t a, b;
  pthread_create(&a, NULL, queue_worker, (void *)1L);
  pthread_create(&b, NULL, queue_worker, (void *)2L);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("%ld overflows\n", overflows);
  return 0;
}
