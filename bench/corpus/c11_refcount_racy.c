/* A reference-counted message shared between C11 threads; the count is a
 * plain int. */
#include <stdlib.h>
#include <threads.h>

struct message {
  int refs;
  char body[256];
};

static void message_unref(struct message *m) {
  if (--m->refs == 0) /* RACE: racelint-nonatomic-rmw */
    free(m);
}

static int reader(void *arg) {
  struct message *m = arg;
  volatile char c = m->body[0];
  (void)c;
  message_unref(m);
  return 0;
}

int main(void) {
  struct message *m = calloc(1, sizeof *m);
  thrd_t t[3];
  m->refs = 4;
  for (int i = 0; i < 3; ++i)
    thrd_create(&t[i], reader, m);
  message_unref(m);
  for (int i = 0; i < 3; ++i)
    thrd_join(t[i], NULL);
  return 0;
}
