/* A fixed-size string cache with one mutex; lookups copy out under it. */
#include <pthread.h>
#include <string.h>

#define SLOTS 32

struct slot {
  char key[32];
  int value;
  int used;
};

static struct slot cache[SLOTS];
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;

void cache_put(const char *key, int value) {
  unsigned h = 0;
  for (const char *p = key; *p; ++p)
    h = h * 31 + (unsigned char)*p;
  pthread_mutex_lock(&cache_lock);
  struct slot *s = &cache[h % SLOTS];
  strncpy(s->key, key, sizeof s->key - 1);
  s->value = value;
  s->used = 1;
  pthread_mutex_unlock(&cache_lock);
}

int cache_get(const char *key, int *out) {
  int found = 0;
  pthread_mutex_lock(&cache_lock);
  for (int i = 0; i < SLOTS && !found; ++i) {
    if (cache[i].used && strcmp(cache[i].key, key) == 0) {
      *out = cache[i].value;
      found = 1;
    }
  }
  pthread_mutex_unlock(&cache_lock);
  return found;
}
