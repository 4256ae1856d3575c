/* A cache eviction routine that unlocks twice when the victim is pinned,
 * and a lookup that locks the mutex a second time on a miss. */
#include <pthread.h>
#include <string.h>

#define SLOTS 32

struct slot {
  char key[32];
  int value;
  int pinned;
};

static struct slot cache[SLOTS];
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;

int evict(int i) {
  pthread_mutex_lock(&cache_lock);
  if (cache[i].pinned) {
    pthread_mutex_unlock(&cache_lock);
  } else {
    cache[i].key[0] = '\0';
  }
  pthread_mutex_unlock(&cache_lock); /* RACE: racelint-lock-discipline */
  return 0;
}

int lookup(const char *key, int *out) {
  pthread_mutex_lock(&cache_lock);
  for (int i = 0; i < SLOTS; ++i) {
    if (strcmp(cache[i].key, key) == 0) {
      *out = cache[i].value;
      pthread_mutex_unlock(&cache_lock);
      return 1;
    }
  }
  pthread_mutex_lock(&cache_lock); /* RACE: racelint-lock-discipline */
  pthread_mutex_unlock(&cache_lock);
  return 0;
}
