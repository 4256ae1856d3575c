// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c11 -pthread
// `if (--m->refs == 0) free(m);`: the branch belongs to the thread that
// dropped the last reference. With a plain counter the decrement is the
// race, reported once there; the free and the readers of the message are
// not a second defect. With an atomic decrement nothing is reported.
#include <stdatomic.h>
#include <stdlib.h>
#include <threads.h>

struct message {
  int refs;
  char body[64];
};

static void message_unref(struct message *m) {
  if (--m->refs == 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: non-atomic read-modify-write of shared 'm->refs' with no lock held [racelint-nonatomic-rmw]
    free(m);
}

static int reader(void *arg) {
  struct message *m = arg;
  volatile char c = m->body[0];
  (void)c;
  message_unref(m);
  return 0;
}

struct amessage {
  atomic_int refs;
  char body[64];
};

static void amessage_unref(struct amessage *m) {
  if (atomic_fetch_sub(&m->refs, 1) == 1)
    free(m);
}

static int areader(void *arg) {
  struct amessage *m = arg;
  volatile char c = m->body[0];
  (void)c;
  amessage_unref(m);
  return 0;
}

int main(void) {
  struct message *m = calloc(1, sizeof *m);
  struct amessage *a = calloc(1, sizeof *a);
  thrd_t t[4];
  m->refs = 3;
  atomic_init(&a->refs, 3);
  for (int i = 0; i < 2; ++i) {
    thrd_create(&t[i], reader, m);
    thrd_create(&t[2 + i], areader, a);
  }
  message_unref(m);
  amessage_unref(a);
  for (int i = 0; i < 4; ++i)
    thrd_join(t[i], NULL);
  return 0;
}
