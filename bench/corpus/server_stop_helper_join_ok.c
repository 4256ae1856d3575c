/* A small server keeps its thread handles in its struct; server_stop()
 * joins both threads, after which main reads their counters. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct server {
  pthread_t acceptor, reaper;
  long served;
  long reaped;
};

static void *acceptor_main(void *arg) {
  struct server *s = arg;
  for (int i = 0; i < 1000; i++)
    s->served++;
  return NULL;
}

static void *reaper_main(void *arg) {
  struct server *s = arg;
  for (int i = 0; i < 100; i++)
    s->reaped++;
  return NULL;
}

static struct server *server_start(void) {
  struct server *s = calloc(1, sizeof *s);
  if (!s)
    return NULL;
  pthread_create(&s->acceptor, NULL, acceptor_main, s);
  pthread_create(&s->reaper, NULL, reaper_main, s);
  return s;
}

static void server_stop(struct server *s) {
  pthread_join(s->acceptor, NULL);
  pthread_join(s->reaper, NULL);
}

int main(void) {
  struct server *s = server_start();
  if (!s)
    return 1;
  server_stop(s);
  printf("served %ld, reaped %ld\n", s->served, s->reaped);
  free(s);
  return 0;
}
