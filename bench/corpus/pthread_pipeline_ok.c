/* A two-stage pipeline handing values over through a mutex and two
 * condition variables. */
#include <pthread.h>
#include <stdio.h>

static int slot;
static int ready;
static long consumed;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t filled = PTHREAD_COND_INITIALIZER;
static pthread_cond_t emptied = PTHREAD_COND_INITIALIZER;

static void *stage_one(void *arg) {
  (void)arg;
  for (int i = 1; i <= 100; ++i) {
    pthread_mutex_lock(&lock);
    while (ready)
      pthread_cond_wait(&emptied, &lock);
    slot = i;
    ready = 1;
    pthread_cond_signal(&filled);
    pthread_mutex_unlock(&lock);
  }
  return NULL;
}

static void *stage_two(void *arg) {
  (void)arg;
  for (int i = 1; i <= 100; ++i) {
    pthread_mutex_lock(&lock);
    while (!ready)
      pthread_cond_wait(&filled, &lock);
    consumed += slot;
    ready = 0;
    pthread_cond_signal(&emptied);
    pthread_mutex_unlock(&lock);
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
