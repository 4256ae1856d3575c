// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t
// A function that frees the object its parameter points to on every path,
// or destroys the lock inside it, is that object's destructor: its caller
// no longer shares the object, so the teardown's bare accesses race with
// nothing. A conditional free (the last reference going away) is not a
// destructor: until then the object is shared.
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct node { struct node *next; int len; };
struct pool {
  pthread_mutex_t mutex; /* guards head and count */
  struct node *head;
  int count, limit;
};

void pool_put(struct pool *p, struct node *n) {
  pthread_mutex_lock(&p->mutex);
  if (p->count < p->limit) {
    n->next = p->head;
    p->head = n;
    p->count++;
  } else {
    free(n);
  }
  pthread_mutex_unlock(&p->mutex);
}

struct node *pool_get(struct pool *p) {
  pthread_mutex_lock(&p->mutex);
  struct node *n = p->head;
  if (n) {
    p->head = n->next;
    p->count--;
  }
  pthread_mutex_unlock(&p->mutex);
  return n;
}

void pool_destroy(struct pool *p) {
  while (p->head) {
    struct node *n = p->head;
    p->head = n->next;
    free(n);
  }
  p->count = 0;
  pthread_mutex_destroy(&p->mutex);
  free(p);
}

// The last reference frees the object: the count itself is shared.
struct msg { int refs; char body[64]; };
void msg_unref(struct msg *m) {
  if (--m->refs == 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: non-atomic read-modify-write of shared 'm->refs' with no lock held [racelint-nonatomic-rmw]
    free(m);
}

static void *reader(void *arg) {
  struct msg *m = arg;
  volatile char c = m->body[0];
  (void)c;
  // A buffer of this thread's own, filled and freed: not shared.
  char *copy = malloc(sizeof m->body);
  memset(copy, 0, sizeof m->body);
  memcpy(copy, m->body, sizeof m->body);
  free(copy);
  msg_unref(m);
  return 0;
}

int main(void) {
  struct msg *m = calloc(1, sizeof *m);
  pthread_t t[2];
  m->refs = 3;
  for (int i = 0; i < 2; ++i)
    pthread_create(&t[i], 0, reader, m);
  msg_unref(m);
  for (int i = 0; i < 2; ++i)
    pthread_join(t[i], 0);
  return 0;
}
