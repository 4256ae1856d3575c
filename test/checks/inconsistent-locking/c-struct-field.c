// RUN: %check_racelint %s racelint-inconsistent-locking %t -- -std=c11 -pthread
// C structs locked through pointers: q->mu guards q->count whatever the
// pointer is called in each function.
#include <pthread.h>
#include <stddef.h>

struct queue {
  pthread_mutex_t mu;
  int count;
};

void queue_push(struct queue *q) {
  pthread_mutex_lock(&q->mu);
  q->count++;
  pthread_mutex_unlock(&q->mu);
}

void queue_pop(struct queue *queue) {
  pthread_mutex_lock(&queue->mu);
  if (queue->count > 0)
    queue->count--;
  pthread_mutex_unlock(&queue->mu);
}

int queue_size(struct queue *self) {
  return self->count;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'self->count' is read without holding 'self->mu', which guards it at 3 of 4 accesses [racelint-inconsistent-locking]
}

static void *worker(void *arg) {
  queue_push(arg);
  queue_pop(arg);
  return NULL;
}

int main(void) {
  struct queue q = {PTHREAD_MUTEX_INITIALIZER, 0};
  pthread_t t;
  pthread_create(&t, NULL, worker, &q);
  // The unlocked read is reported inside queue_size, where it is made.
  int n = queue_size(&q);
  pthread_join(t, NULL);
  return n;
}
