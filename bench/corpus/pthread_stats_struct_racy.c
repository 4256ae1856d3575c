/* HTTP server statistics: request handlers update counters under a mutex,
 * the status page reads them without it, and the uptime field is written by
 * a ticker thread with no lock at all. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

struct server_stats {
  unsigned long requests;
  unsigned long errors;
  unsigned long uptime_s;
};

static struct server_stats stats;
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;

static void count_request(int status) {
  pthread_mutex_lock(&stats_lock);
  stats.requests++;
  if (status >= 500)
    stats.errors++;
  pthread_mutex_unlock(&stats_lock);
}

static void status_page(char *buf, size_t n) {
  snprintf(buf, n, "requests=%lu errors=%lu uptime=%lu",
           stats.requests, /* RACE: racelint-inconsistent-locking */
           stats.errors, /* RACE: racelint-inconsistent-locking */
           stats.uptime_s); /* RACE: racelint-unguarded-shared-state */
}

static void *ticker(void *arg) {
  (void)arg;
  for (int i = 0; i < 60; ++i) {
    sleep(1);
    stats.uptime_s++; /* RACE: racelint-nonatomic-rmw */
  }
  return NULL;
}

static void *handler(void *arg) {
  (void)arg;
  char page[128];
  for (int i = 0; i < 1000; ++i) {
    count_request(i % 50 == 0 ? 500 : 200);
    if (i % 100 == 0)
      status_page(page, sizeof page);
  }
  return NULL;
}

int main(void) {
  pthread_t t, h1, h2;
  pthread_create(&t, NULL, ticker, NULL);
  pthread_create(&h1, NULL, handler, NULL);
  pthread_create(&h2, NULL, handler, NULL);
  pthread_join(h1, NULL);
  pthread_join(h2, NULL);
  pthread_join(t, NULL);
  return 0;
}
