/* A connection table whose insert path releases the lock on every path. */
#include <pthread.h>

#define MAX_CONNS 64

static int conns[MAX_CONNS];
static int nconns;
static pthread_mutex_t conns_lock = PTHREAD_MUTEX_INITIALIZER;

int conn_add(int fd) {
  int rc = 0;
  pthread_mutex_lock(&conns_lock);
  if (nconns == MAX_CONNS) {
    rc = -1;
    goto out;
  }
  conns[nconns++] = fd;
out:
  pthread_mutex_unlock(&conns_lock);
  return rc;
}

int conn_remove(int fd) {
  pthread_mutex_lock(&conns_lock);
  for (int i = 0; i < nconns; ++i) {
    if (conns[i] == fd) {
      conns[i] = conns[--nconns];
      pthread_mutex_unlock(&conns_lock);
      return 1;
    }
  }
  pthread_mutex_unlock(&conns_lock);
  return 0;
}
