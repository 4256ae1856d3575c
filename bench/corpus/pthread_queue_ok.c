/* A linked-list work queue with a blocking pop; all state under q.lock. */
#include <pthread.h>
#include <stdlib.h>

struct node {
  int value;
  struct node *next;
};

struct queue {
  pthread_mutex_t lock;
  pthread_cond_t nonempty;
  struct node *head, *tail;
  int length;
};

static struct queue q = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, NULL, NULL, 0};

static void push(int v) {
  struct node *n = malloc(sizeof *n);
  n->value = v;
  n->next = NULL;
  pthread_mutex_lock(&q.lock);
  if (q.tail)
    q.tail->next = n;
  else
    q.head = n;
  q.tail = n;
  q.length++;
  pthread_cond_signal(&q.nonempty);
  pthread_mutex_unlock(&q.lock);
}

static int pop(void) {
  pthread_mutex_lock(&q.lock);
  while (q.head == NULL)
    pthread_cond_wait(&q.nonempty, &q.lock);
  struct node *n = q.head;
  q.head = n->next;
  if (!q.head)
    q.tail = NULL;
  q.length--;
  pthread_mutex_unlock(&q.lock);
  int v = n->value;
  free(n);
  return v;
}

static void *producer(void *arg) {
  (void)arg;
  for (int i = 0; i < 1000; ++i)
    push(i);
  push(-1);
  return NULL;
}

int main(void) {
  pthread_t p;
  long sum = 0;
  pthread_create(&p, NULL, producer, NULL);
  for (int v = pop(); v >= 0; v = pop())
    sum += v;
  pthread_join(p, NULL);
  return sum == 499500 ? 0 : 1;
}
