/* Iterative relaxation: threads update their own slice of the next array,
 * then meet at a mutex/condvar barrier before anyone reads the neighbours.
 * The shared generation counter lives under the barrier's lock. */
#include <pthread.h>

#define N 64
#define THREADS 4

static double cur[N], next[N];
static pthread_mutex_t bar_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t bar_cond = PTHREAD_COND_INITIALIZER;
static int arrived, generation;

static void barrier(void) {
  pthread_mutex_lock(&bar_lock);
  int gen = generation;
  if (++arrived == THREADS) {
    arrived = 0;
    generation++;
    pthread_cond_broadcast(&bar_cond);
  } else {
    while (gen == generation)
      pthread_cond_wait(&bar_cond, &bar_lock);
  }
  pthread_mutex_unlock(&bar_lock);
}

static void *relax(void *arg) {
  long id = (long)arg;
  int lo = id * (N / THREADS), hi = lo + N / THREADS;
  for (int step = 0; step < 100; ++step) {
    for (int i = lo; i < hi; ++i)
      next[i] = (cur[i > 0 ? i - 1 : i] + cur[i < N - 1 ? i + 1 : i]) / 2;
    barrier();
    for (int i = lo; i < hi; ++i)
      cur[i] = next[i];
    barrier();
  }
  return NULL;
}

int main(void) {
  pthread_t t[THREADS];
  for (int i = 0; i < N; ++i)
    cur[i] = next[i] = i;
  for (long i = 0; i < THREADS; ++i)
    pthread_create(&t[i], NULL, relax, (void *)i);
  for (int i = 0; i < THREADS; ++i)
    pthread_join(t[i], NULL);
  return cur[0] == 0 ? 0 : 1;
}
