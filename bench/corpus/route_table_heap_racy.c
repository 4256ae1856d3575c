/* A routing daemon keeps its table in heap memory behind a global pointer;
 * the refresher thread rewrites it while the main loop answers lookups. */
#include <pthread.h>
#include <stdlib.h>

struct rtable {
  int generation;
  int nentries;
  unsigned dest[64];
};

static struct rtable *g_rt;

static void *refresher(void *arg) {
  (void)arg;
  for (int round = 1; round <= 10; round++) {
    g_rt->nentries = round; /* RACE: racelint-unguarded-shared-state */
    g_rt->generation = round; /* RACE: racelint-unguarded-shared-state */
  }
  return NULL;
}

static int lookup(unsigned ip) {
  for (int i = 0; i < g_rt->nentries; i++) /* RACE: racelint-unguarded-shared-state */
    if (g_rt->dest[i] == ip)
      return i;
  return -1;
}

int main(void) {
  g_rt = calloc(1, sizeof *g_rt);
  if (!g_rt)
    return 1;
  g_rt->nentries = 1;
  g_rt->dest[0] = 0x0a000001u;
  pthread_t t;
  pthread_create(&t, NULL, refresher, NULL);
  int gen = g_rt->generation; /* RACE: racelint-unguarded-shared-state */
  int hit = lookup(0x0a000001u);
  pthread_join(t, NULL);
  free(g_rt);
  return gen + hit;
}
