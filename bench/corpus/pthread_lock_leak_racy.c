/* A connection table whose insert path returns early on a full table while
 * still holding the lock. */
#include <pthread.h>

#define MAX_CONNS 64

static int conns[MAX_CONNS];
static int nconns;
static pthread_mutex_t conns_lock = PTHREAD_MUTEX_INITIALIZER;

int conn_add(int fd) {
  pthread_mutex_lock(&conns_lock);
  if (nconns == MAX_CONNS)
    return -1; /* RACE: racelint-lock-discipline */
  conns[nconns++] = fd;
  pthread_mutex_unlock(&conns_lock);
  return 0;
}

int conn_remove(int fd) {
  int found = 0;
  pthread_mutex_lock(&conns_lock);
  for (int i = 0; i < nconns; ++i) {
    if (conns[i] == fd) {
      conns[i] = conns[--nconns];
      found = 1;
      break;
    }
  }
  pthread_mutex_unlock(&conns_lock);
  return found;
}
