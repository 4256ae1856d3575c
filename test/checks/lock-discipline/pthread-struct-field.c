// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c11 -pthread
// Mutexes inside structs are named by their access path.
#define _XOPEN_SOURCE 700
#include <pthread.h>

struct conn {
  pthread_mutex_t mu;
  int pending;
};

void connGood(struct conn *c) {
  pthread_mutex_lock(&c->mu);
  c->pending++;
  pthread_mutex_unlock(&c->mu);
}

int connBad(struct conn *c) {
  pthread_mutex_lock(&c->mu);
  if (c->pending > 10)
    return -1;
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'c->mu' is still held when 'connBad' returns [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-4]]:3: note: 'c->mu' acquired here
  c->pending++;
  pthread_mutex_unlock(&c->mu);
  return 0;
}

void twoConnsGood(struct conn *a, struct conn *b) {
  pthread_mutex_lock(&a->mu);
  pthread_mutex_lock(&b->mu);
  a->pending += b->pending;
  pthread_mutex_unlock(&b->mu);
  pthread_mutex_unlock(&a->mu);
}

void localStructGood(void) {
  struct conn c;
  pthread_mutex_init(&c.mu, 0);
  pthread_mutex_lock(&c.mu);
  c.pending = 1;
  pthread_mutex_unlock(&c.mu);
  pthread_mutex_destroy(&c.mu);
}

void aliasPointerGood(struct conn *c) {
  pthread_mutex_t *m = &c->mu;
  pthread_mutex_lock(m);
  c->pending++;
  pthread_mutex_unlock(&c->mu);
}
