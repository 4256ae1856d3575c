/* An uploader thread gets its job through the thread argument. The I/O side
 * counts sent bytes under the I/O lock, the UI side reads them under the UI
 * lock: two different locks protect nothing. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct upload {
  const char *path;
  long sent;
  long total;
};

static pthread_mutex_t io_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t ui_lock = PTHREAD_MUTEX_INITIALIZER;

static void *upload_main(void *arg) {
  struct upload *u = arg;
  for (long off = 0; off < u->total; off += 4096) {
    pthread_mutex_lock(&io_lock);
    u->sent += 4096; /* RACE: racelint-inconsistent-locking */
    pthread_mutex_unlock(&io_lock);
  }
  return NULL;
}

int main(void) {
  struct upload *u = malloc(sizeof *u);
  if (!u)
    return 1;
  u->path = "/var/backup.tar";
  u->sent = 0;
  u->total = 1L << 20;
  pthread_t t;
  pthread_create(&t, NULL, upload_main, u);
  pthread_mutex_lock(&ui_lock);
  printf("%s: %ld bytes sent\n", u->path, u->sent); /* RACE: racelint-inconsistent-locking */
  pthread_mutex_unlock(&ui_lock);
  pthread_join(t, NULL);
  free(u);
  return 0;
}
