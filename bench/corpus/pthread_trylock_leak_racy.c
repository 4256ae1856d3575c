/* A periodic flush that uses trylock to skip busy periods; the "nothing to
 * flush" path returns with the lock still held. */
#include <pthread.h>
#include <stdio.h>

static char pending[1024];
static size_t npending;
static pthread_mutex_t pending_lock = PTHREAD_MUTEX_INITIALIZER;

void append(char c) {
  pthread_mutex_lock(&pending_lock);
  if (npending < sizeof pending)
    pending[npending++] = c;
  pthread_mutex_unlock(&pending_lock);
}

int try_flush(FILE *out) {
  if (pthread_mutex_trylock(&pending_lock) != 0)
    return 0;
  if (npending == 0)
    return 0; /* RACE: racelint-lock-discipline */
  fwrite(pending, 1, npending, out);
  npending = 0;
  pthread_mutex_unlock(&pending_lock);
  return 1;
}
