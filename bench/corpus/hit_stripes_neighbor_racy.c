/* Hit counters split into stripes, one mutex per stripe. Moving a stripe's
 * hits to the next stripe holds only the source stripe's lock while it
 * writes the neighbour. */
#include <pthread.h>

#define NSTRIPES 16

static pthread_mutex_t stripe_mu[NSTRIPES];
static long stripe_hits[NSTRIPES];

void stripes_init(void) {
  for (int i = 0; i < NSTRIPES; i++)
    pthread_mutex_init(&stripe_mu[i], NULL);
}

void hit(unsigned h) {
  unsigned s = h % NSTRIPES;
  pthread_mutex_lock(&stripe_mu[s]);
  stripe_hits[s]++;
  pthread_mutex_unlock(&stripe_mu[s]);
}

void spill(unsigned h) {
  unsigned s = h % NSTRIPES, next = (s + 1) % NSTRIPES;
  pthread_mutex_lock(&stripe_mu[s]);
  stripe_hits[next] += stripe_hits[s]; /* RACE: racelint-inconsistent-locking */
  stripe_hits[s] = 0;
  pthread_mutex_unlock(&stripe_mu[s]);
}
