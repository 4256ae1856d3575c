/* A two-stage pipeline: stage one fills a shared slot and sets a ready flag,
 * stage two spins on the flag. No lock or atomic anywhere. */
#include <pthread.h>
#include <stdio.h>

static int slot;
static int ready;
static long consumed;

static void *stage_one(void *arg) {
  (void)arg;
  for (int i = 1; i <= 100; ++i) {
    while (ready) /* RACE: racelint-unguarded-shared-state */
      ;
    slot = i; /* RACE: racelint-unguarded-shared-state */
    ready = 1; /* RACE: racelint-unguarded-shared-state */
  }
  return NULL;
}

static void *stage_two(void *arg) {
  (void)arg;
  for (int i = 1; i <= 100; ++i) {
    while (!ready) /* RACE: racelint-unguarded-shared-state */
      ;
    consumed += slot; /* RACE: racelint-unguarded-shared-state */
    ready = 0; /* RACE: racelint-unguarded-shared-state */
  }
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, stage_one, NULL);
  pthread_create(&b, NULL, stage_two, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("%ld\n", consumed);
  return 0;
}
