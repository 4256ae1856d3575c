/* Per-queue locks in an array: drain() empties one queue under that
 * queue's own lock; enqueue() and depth() do the same. */
#include <pthread.h>

#define NQUEUES 8

static pthread_mutex_t qlock[NQUEUES];
static int qdepth[NQUEUES];

void queues_init(void) {
  for (int i = 0; i < NQUEUES; i++)
    pthread_mutex_init(&qlock[i], NULL);
}

void enqueue(int q) {
  pthread_mutex_lock(&qlock[q]);
  qdepth[q]++;
  pthread_mutex_unlock(&qlock[q]);
}

int drain(int q) {
  pthread_mutex_lock(&qlock[q]);
  int n = qdepth[q];
  qdepth[q] = 0;
  pthread_mutex_unlock(&qlock[q]);
  return n;
}

int depth(int q) {
  pthread_mutex_lock(&qlock[q]);
  int n = qdepth[q];
  pthread_mutex_unlock(&qlock[q]);
  return n;
}
