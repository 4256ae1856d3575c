// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking %t -- -std=c11 -pthread
// RUN: %check_racelint --check-suffix=NOINIT %s racelint-unguarded-shared-state,racelint-inconsistent-locking %t.noinit \
// RUN:   --config='{CheckOptions: {InitFunctions: ""}}' -- -std=c11 -pthread
// C code sets state up in *_init functions and fills freshly allocated
// objects before publishing them: neither is shared yet. Seen in memcached
// (slabs_init, cache_create). Writes after the object escapes are shared.
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static pthread_mutex_t limits_lock = PTHREAD_MUTEX_INITIALIZER;
static size_t mem_limit;

// An init function (InitFunctions, default "*_init;init_*;...") runs
// before the workers exist.
void slab_init(size_t limit) {
  mem_limit = limit;
  // CHECK-MESSAGES-NOINIT: :[[@LINE-1]]:3: warning: 'mem_limit' is written without holding 'limits_lock', which guards it at 3 of 5 accesses [racelint-inconsistent-locking]
}

// The same write outside an init function is the bug: limits_lock, the
// only lock taken around mem_limit, is held at most of its statements.
void slab_set_limit(size_t limit) {
  mem_limit = limit;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'mem_limit' is written without holding 'limits_lock', which guards it at 3 of 4 accesses [racelint-inconsistent-locking]
  // CHECK-MESSAGES-NOINIT: :[[@LINE-2]]:3: warning: 'mem_limit' is written without holding 'limits_lock', which guards it at 3 of 5 accesses [racelint-inconsistent-locking]
}

static void *slab_worker(void *arg) {
  (void)arg;
  pthread_mutex_lock(&limits_lock);
  if (mem_limit > 0)
    mem_limit = mem_limit / 2;
  pthread_mutex_unlock(&limits_lock);
  return NULL;
}

void slab_start(void) {
  pthread_t t;
  pthread_create(&t, NULL, slab_worker, NULL);
}

typedef struct {
  pthread_mutex_t mutex;
  char *name;
  int refs;
  int state;
} cache_t;

cache_t *shared_cache;

// Fields of an object this function allocated are its own until the
// pointer escapes.
cache_t *cache_create(const char *name) {
  cache_t *c = calloc(1, sizeof(cache_t));
  if (c == NULL)
    return NULL;
  memset(c, 0, sizeof(*c));
  pthread_mutex_init(&c->mutex, NULL);
  c->name = strdup(name);
  c->refs = 1;
  return c;
}

// After `shared_cache = c` another thread can reach the object, but no
// other access to its state is made under a lock or in a thread: no
// evidence of a race, so silent.
void cache_publish(const char *name) {
  cache_t *c = malloc(sizeof(cache_t));
  if (!c)
    return;
  c->refs = 0;
  shared_cache = c;
  c->state = 2;
}

int cache_state(cache_t *c) { return c->state; }
