/* A routing daemon keeps its table in heap memory behind a global pointer;
 * the refresher and the lookups both hold the table lock. */
#include <pthread.h>
#include <stdlib.h>

struct rtable {
  int generation;
  int nentries;
  unsigned dest[64];
};

static struct rtable *g_rt;
static pthread_mutex_t rt_lock = PTHREAD_MUTEX_INITIALIZER;

static void *refresher(void *arg) {
  (void)arg;
  for (int round = 1; round <= 10; round++) {
    pthread_mutex_lock(&rt_lock);
    g_rt->nentries = round;
    g_rt->generation = round;
    pthread_mutex_unlock(&rt_lock);
  }
  return NULL;
}

static int lookup(unsigned ip) {
  int found = -1;
  pthread_mutex_lock(&rt_lock);
  for (int i = 0; i < g_rt->nentries; i++)
    if (g_rt->dest[i] == ip) {
      found = i;
      break;
    }
  pthread_mutex_unlock(&rt_lock);
  return found;
}

int main(void) {
  g_rt = calloc(1, sizeof *g_rt);
  if (!g_rt)
    return 1;
  g_rt->nentries = 1;
  g_rt->dest[0] = 0x0a000001u;
  pthread_t t;
  pthread_create(&t, NULL, refresher, NULL);
  pthread_mutex_lock(&rt_lock);
  int gen = g_rt->generation;
  pthread_mutex_unlock(&rt_lock);
  int hit = lookup(0x0a000001u);
  pthread_join(t, NULL);
  free(g_rt);
  return gen + hit;
}
