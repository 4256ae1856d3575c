/* A periodic flush that uses trylock to skip busy periods and unlocks on
 * every path after a successful trylock. */
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
  int flushed = 0;
  if (npending > 0) {
    fwrite(pending, 1, npending, out);
    npending = 0;
    flushed = 1;
  }
  pthread_mutex_unlock(&pending_lock);
  return flushed;
}
