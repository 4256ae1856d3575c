/* A linked-list work queue: producers push under the lock, but the consumer
 * checks emptiness and the length counter without it. */
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

static int try_pop(int *out) {
  if (q.head == NULL) /* RACE: racelint-inconsistent-locking */
    return 0;
  pthread_mutex_lock(&q.lock);
  struct node *n = q.head;
  q.head = n->next;
  if (!q.head)
    q.tail = NULL;
  q.length--;
  pthread_mutex_unlock(&q.lock);
  *out = n->value;
  free(n);
  return 1;
}

static int queue_length(void) { return q.length; } /* RACE: racelint-inconsistent-locking */

static void *producer(void *arg) {
  (void)arg;
  for (int i = 0; i < 1000; ++i)
    push(i);
  return NULL;
}

int main(void) {
  pthread_t p;
  long sum = 0;
  int v;
  pthread_create(&p, NULL, producer, NULL);
  while (sum < 499500 || queue_length() > 0)
    if (try_pop(&v))
      sum += v;
  pthread_join(p, NULL);
  return 0;
}
