/* Request workers record latencies into a histogram through a helper that
 * takes the histogram by pointer; every caller holds the histogram lock
 * around the helper, and so does the reporter. */
#include <pthread.h>
#include <stdio.h>

struct hist {
  unsigned long count;
  unsigned long sum_us;
  unsigned long max_us;
};

static struct hist g_latency;
static pthread_mutex_t hist_lock = PTHREAD_MUTEX_INITIALIZER;

/* Caller holds hist_lock. */
static void hist_add(struct hist *h, unsigned long us) {
  h->count++;
  h->sum_us += us;
  if (us > h->max_us)
    h->max_us = us;
}

static void *request_worker(void *arg) {
  unsigned long base = (unsigned long)arg;
  for (unsigned long i = 0; i < 500; i++) {
    pthread_mutex_lock(&hist_lock);
    hist_add(&g_latency, base + i % 97);
    pthread_mutex_unlock(&hist_lock);
  }
  return NULL;
}

static void *reporter(void *arg) {
  (void)arg;
  pthread_mutex_lock(&hist_lock);
  unsigned long n = g_latency.count;
  pthread_mutex_unlock(&hist_lock);
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
