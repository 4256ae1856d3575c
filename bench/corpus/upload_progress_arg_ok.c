/* An uploader thread gets its job through the thread argument; the job
 * carries its own mutex, which both the I/O side and the UI side take. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct upload {
  pthread_mutex_t mu;
  const char *path;
  long sent;
  long total;
};

static void *upload_main(void *arg) {
  struct upload *u = arg;
  for (long off = 0; off < u->total; off += 4096) {
    pthread_mutex_lock(&u->mu);
    u->sent += 4096;
    pthread_mutex_unlock(&u->mu);
  }
  return NULL;
}

int main(void) {
  struct upload *u = malloc(sizeof *u);
  if (!u)
    return 1;
  pthread_mutex_init(&u->mu, NULL);
  u->path = "/var/backup.tar";
  u->sent = 0;
  u->total = 1L << 20;
  pthread_t t;
  pthread_create(&t, NULL, upload_main, u);
  pthread_mutex_lock(&u->mu);
  printf("%s: %ld bytes sent\n", u->path, u->sent);
  pthread_mutex_unlock(&u->mu);
  pthread_join(t, NULL);
  pthread_mutex_destroy(&u->mu);
  free(u);
  return 0;
}
