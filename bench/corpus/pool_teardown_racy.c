/* The same pool drained while the workers still run: the drain walks the
 * list without the lock and frees nothing it owns. */
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

static void pool_drain(struct pool *p) {
  while (p->head) { /* RACE: racelint-inconsistent-locking */
    struct node *n = p->head;
    p->head = n->next; /* RACE: racelint-inconsistent-locking */
    free(n);
  }
  p->count = 0; /* RACE: racelint-inconsistent-locking */
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
  pool_drain(p);
  for (int i = 0; i < 2; ++i)
    pthread_join(t[i], 0);
  free(p);
  return 0;
}
