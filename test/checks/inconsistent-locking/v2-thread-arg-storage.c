// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c11 -pthread
// What a thread reaches through its void * argument is the spawner's
// storage: a heap block or the address of a global. Each is updated by the
// thread under one lock and by the spawner under another, so both updates
// are reported; the twins take the same lock on both sides. Reading after
// the join is ordered with the thread.
#include <pthread.h>
#include <stdlib.h>

struct tally {
  int hits;
  int misses;
};

static pthread_mutex_t left_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t right_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t both_mu = PTHREAD_MUTEX_INITIALIZER;

static struct tally global_tally;

static void *count_hits(void *arg) {
  struct tally *t = arg;
  pthread_mutex_lock(&left_mu);
  t->hits += 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 't->hits' is updated under 'left_mu', but the conflicting update in 'run_heap' holds 'right_mu'; no lock protects both [racelint-inconsistent-locking]
  pthread_mutex_unlock(&left_mu);
  pthread_mutex_lock(&both_mu);
  t->misses += 1;
  pthread_mutex_unlock(&both_mu);
  return NULL;
}

static void *count_global(void *arg) {
  struct tally *g = arg;
  pthread_mutex_lock(&left_mu);
  g->hits++;
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'g->hits' is updated under 'left_mu', but the conflicting update in 'run_global' holds 'right_mu'; no lock protects both [racelint-inconsistent-locking]
  pthread_mutex_unlock(&left_mu);
  pthread_mutex_lock(&both_mu);
  g->misses++;
  pthread_mutex_unlock(&both_mu);
  return NULL;
}

static int run_heap(void) {
  struct tally *heap = calloc(1, sizeof *heap);
  pthread_t t;
  pthread_create(&t, NULL, count_hits, heap);
  pthread_mutex_lock(&right_mu);
  heap->hits += 10;
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'heap->hits' is updated under 'right_mu', but the conflicting update in 'count_hits' holds 'left_mu'; no lock protects both [racelint-inconsistent-locking]
  pthread_mutex_unlock(&right_mu);
  pthread_mutex_lock(&both_mu);
  heap->misses += 10;
  pthread_mutex_unlock(&both_mu);
  pthread_join(t, NULL);
  int h = heap->hits + heap->misses;
  free(heap);
  return h;
}

static int run_global(void) {
  pthread_t t;
  pthread_create(&t, NULL, count_global, &global_tally);
  pthread_mutex_lock(&right_mu);
  global_tally.hits--;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'global_tally.hits' is updated under 'right_mu', but the conflicting update in 'count_global' holds 'left_mu'; no lock protects both [racelint-inconsistent-locking]
  pthread_mutex_unlock(&right_mu);
  pthread_mutex_lock(&both_mu);
  global_tally.misses--;
  pthread_mutex_unlock(&both_mu);
  pthread_join(t, NULL);
  return global_tally.hits;
}

int main(void) { return run_heap() + run_global(); }
