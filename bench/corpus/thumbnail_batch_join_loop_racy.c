/* A thumbnail batch: one thread per image writes its own result slot. The
 * join loop still stops one short (it used to skip a preview thread that no
 * longer exists), so the last worker may still be writing when the results
 * are summed. */
#include <pthread.h>
#include <stdio.h>

#define NIMG 6

static long out_bytes[NIMG];

static void *make_thumb(void *arg) {
  long i = (long)arg;
  out_bytes[i] = 1000 + i * 37; /* RACE: racelint-unguarded-shared-state */
  return NULL;
}

int main(void) {
  pthread_t workers[NIMG];
  for (long i = 0; i < NIMG; i++)
    pthread_create(&workers[i], NULL, make_thumb, (void *)i);
  for (int i = 0; i < NIMG - 1; i++)
    pthread_join(workers[i], NULL);
  long total = 0;
  for (int i = 0; i < NIMG; i++)
    total += out_bytes[i]; /* RACE: racelint-unguarded-shared-state */
  printf("%ld bytes of thumbnails\n", total);
  return 0;
}
