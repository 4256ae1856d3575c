/* A request is handed to a parser thread; the acceptor waits for the parser
 * before it frees the body buffer. */
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
    if (rq->body[i] == '\n')
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
  if (pthread_create(&parser, NULL, parse_body, &rq) != 0) {
    free(rq.body);
    return -1;
  }
  void *lines = NULL;
  pthread_join(parser, &lines);
  free(rq.body);
  return lines ? 200 : 204;
}
