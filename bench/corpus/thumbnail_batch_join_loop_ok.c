/* A thumbnail batch: one thread per image writes its own result slot; the
 * main thread joins every worker in a loop and then sums the results. */
#include <pthread.h>
#include <stdio.h>

#define NIMG 6

static long out_bytes[NIMG];

static void *make_thumb(void *arg) {
  long i = (long)arg;
  out_bytes[i] = 1000 + i * 37;
  return NULL;
}

int main(void) {
  pthread_t workers[NIMG];
  for (long i = 0; i < NIMG; i++)
    pthread_create(&workers[i], NULL, make_thumb, (void *)i);
  for (int i = 0; i < NIMG; i++)
    pthread_join(workers[i], NULL);
  long total = 0;
  for (int i = 0; i < NIMG; i++)
    total += out_bytes[i];
  printf("%ld bytes of thumbnails\n", total);
  return 0;
}
