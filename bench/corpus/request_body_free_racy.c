/* A request is handed to a parser thread; on timeout the acceptor frees the
 * body buffer while the parser may still be reading it. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct request {
  char *body;
  size_t len;
  int status;
};

static void *parse_body(void *arg) {
  struct request *rq = arg;
  size_t lines = 0;
  for (size_t i = 0; i < rq->len; i++)
    if (rq->body[i] == '\n') /* RACE: racelint-unguarded-shared-state */
      lines++;
  return (void *)lines;
}

int handle(const char *payload) {
  struct request rq;
  rq.len = strlen(payload);
  rq.body = malloc(rq.len + 1);
  if (!rq.body)
    return -1;
  memcpy(rq.body, payload, rq.len + 1);
  rq.status = 0;
  pthread_t parser;
  if (pthread_create(&parser, NULL, parse_body, &rq) != 0)
    return -1;
  /* timeout path: give up on the body */
  free(rq.body); /* RACE: racelint-unguarded-shared-state */
  pthread_join(parser, NULL);
  return 408;
}
