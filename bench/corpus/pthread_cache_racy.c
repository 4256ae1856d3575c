/* A fixed-size string cache: puts are locked, but the hit counter and the
 * "clear" operation are not. */
#include <pthread.h>
#include <string.h>

#define SLOTS 32

struct slot {
  char key[32];
  int value;
  int used;
};

static struct slot cache[SLOTS];
static unsigned long hits;
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;

void cache_put(int i, const char *key, int value) {
  pthread_mutex_lock(&cache_lock);
  strncpy(cache[i % SLOTS].key, key, 31);
  cache[i % SLOTS].value = value;
  cache[i % SLOTS].used = 1;
  pthread_mutex_unlock(&cache_lock);
}

int cache_get(const char *key, int *out) {
  pthread_mutex_lock(&cache_lock);
  for (int i = 0; i < SLOTS; ++i) {
    if (cache[i].used && strcmp(cache[i].key, key) == 0) {
      *out = cache[i].value;
      pthread_mutex_unlock(&cache_lock);
      hits++; /* RACE: racelint-nonatomic-rmw */
      return 1;
    }
  }
  pthread_mutex_unlock(&cache_lock);
  return 0;
}

void cache_clear(void) {
  memset(cache, 0, sizeof cache); /* RACE: racelint-inconsistent-locking */
}
