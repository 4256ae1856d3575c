/* A pthread job queue in C with defects racelint reports. */
#include <pthread.h>
#include <stdlib.h>

struct job {
  struct job *next;
  int id;
};

static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static struct job *queue_head;
static int jobs_done; /* Defect: updated by every worker without a lock. */

/* Defect: when malloc fails the function returns with queue_lock held. */
int push_job(int id) {
  pthread_mutex_lock(&queue_lock);
  struct job *j = malloc(sizeof *j);
  if (!j)
    return -1;
  j->id = id;
  j->next = queue_head;
  queue_head = j;
  pthread_mutex_unlock(&queue_lock);
  return 0;
}

/* Correct: every path unlocks. */
struct job *pop_job(void) {
  pthread_mutex_lock(&queue_lock);
  struct job *j = queue_head;
  if (j)
    queue_head = j->next;
  pthread_mutex_unlock(&queue_lock);
  return j;
}

static void *worker(void *arg) {
  (void)arg;
  struct job *j;
  while ((j = pop_job()) != NULL) {
    free(j);
    jobs_done++;
  }
  return NULL;
}

int main(void) {
  pthread_t threads[2];
  for (int i = 0; i < 100; ++i)
    push_job(i);
  for (int i = 0; i < 2; ++i)
    pthread_create(&threads[i], NULL, worker, NULL);
  for (int i = 0; i < 2; ++i)
    pthread_join(threads[i], NULL);
  return 0;
}
