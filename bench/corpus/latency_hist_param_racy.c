/* Request workers record latencies into a histogram through a helper that
 * takes the histogram by pointer; nobody locks, and the reporter thread
 * reads the same histogram. */
#include <pthread.h>
#include <stdio.h>

struct hist {
  unsigned long count;
  unsigned long sum_us;
  unsigned long max_us;
};

static struct hist g_latency;

static void hist_add(struct hist *h, unsigned long us) {
  h->count++; /* RACE: racelint-nonatomic-rmw */
  h->sum_us += us; /* RACE: racelint-nonatomic-rmw */
  if (us > h->max_us) /* RACE: racelint-unguarded-shared-state */
    h->max_us = us; /* RACE: racelint-nonatomic-rmw */
}

static void *request_worker(void *arg) {
  unsigned long base = (unsigned long)arg;
  for (unsigned long i = 0; i < 500; i++)
    hist_add(&g_latency, base + i % 97);
  return NULL;
}

static void *reporter(void *arg) {
  (void)arg;
  unsigned long n = g_latency.count; /* RACE: racelint-unguarded-shared-state */
  printf("requests=%lu\n", n);
  return NULL;
}

int main(void) {
  pthread_t w[3], r;
  for (int i = 0; i < 3; i++)
    pthread_create(&w[i], NULL, request_worker, (void *)(unsigned long)(100 * i));
  pthread_create(&r, NULL, reporter, NULL);
  for (int i = 0; i < 3; i++)
    pthread_join(w[i], NULL);
  pthread_join(r, NULL);
  return g_latency.max_us > 0 ? 0 : 1;
}
