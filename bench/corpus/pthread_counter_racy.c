/* Four pthreads add up partial sums into a global total without a lock. */
#include <pthread.h>
#include <stdio.h>

#define NTHREADS 4
#define N 100000

static long total;
static int data[N];

struct range {
  int begin, end;
};

static void *sum_range(void *arg) {
  struct range *r = arg;
  for (int i = r->begin; i < r->end; ++i)
    total += data[i]; // RACE: racelint-nonatomic-rmw
  return NULL;
}

int main(void) {
  pthread_t tid[NTHREADS];
  struct range ranges[NTHREADS];
  for (int i = 0; i < N; ++i)
    data[i] = i % 10;
  for (int t = 0; t < NTHREADS; ++t) {
    ranges[t].begin = t * (N / NTHREADS);
    ranges[t].end = (t + 1) * (N / NTHREADS);
    pthread_create(&tid[t], NULL, sum_range, &ranges[t]);
  }
  for (int t = 0; t < NTHREADS; ++t)
    pthread_join(tid[t], NULL);
  printf("%ld\n", total);
  return 0;
}
