/* A free-list pool shared by workers; torn down after they are joined by a
 * destroy function that walks and frees the list without the lock. */
#include <pthread.h>
#include <stdlib.h>

struct node { struct node *next; };
struct pool { pthread_mutex_t mu; struct node *head; int count; };

static void pool_put(struct pool *p, struct node *n) {
  pthread_mutex_lock(&p->mu);
  n->next = p->head;
  p->head = n;
  p->count++;
  pthread_mutex_unlock(&p->mu);
}

static void pool_destroy(struct pool *p) {
  while (p->head) {
    struct node *n = p->head;
    p->head = n->next;
    free(n);
  }
  p->count = 0;
  pthread_mutex_destroy(&p->mu);
  free(p);
}

static void *worker(void *arg) {
  pool_put(arg, malloc(sizeof(struct node)));
  return 0;
}

int main(void) {
  struct pool *p = calloc(1, sizeof *p);
  pthread_t t[2];
  pthread_mutex_init(&p->mu, 0);
  for (int i = 0; i < 2; ++i)
    pthread_create(&t[i], 0, worker, p);
  for (int i = 0; i < 2; ++i)
    pthread_join(t[i], 0);
  pool_destroy(p);
  return 0;
}
