/* A job queue and a statistics block, each behind small lock helpers. The
 * dispatcher holds the queue while it records statistics; the reporter
 * holds the statistics while it reads the queue length. */
#include <pthread.h>

struct job_queue {
  pthread_mutex_t lock;
  int len;
};

static struct job_queue queue = {PTHREAD_MUTEX_INITIALIZER, 0};
static pthread_mutex_t stats_mutex = PTHREAD_MUTEX_INITIALIZER;
static long dispatched;
static long reported_len;

static void queue_lock(struct job_queue *q) { pthread_mutex_lock(&q->lock); }
static void queue_unlock(struct job_queue *q) { pthread_mutex_unlock(&q->lock); }
static void stats_lock(void) { pthread_mutex_lock(&stats_mutex); }
static void stats_unlock(void) { pthread_mutex_unlock(&stats_mutex); }

static void *dispatcher(void *arg) {
  (void)arg;
  queue_lock(&queue);
  if (queue.len > 0) {
    queue.len--;
    stats_lock();
    dispatched++;
    stats_unlock();
  }
  queue_unlock(&queue);
  return 0;
}

static void *reporter(void *arg) {
  (void)arg;
  stats_lock();
  queue_lock(&queue); /* RACE: racelint-lock-order */
  reported_len = queue.len + dispatched;
  queue_unlock(&queue);
  stats_unlock();
  return 0;
}

int main(void) {
  pthread_t d, r;
  pthread_create(&d, 0, dispatcher, 0);
  pthread_create(&r, 0, reporter, 0);
  pthread_join(d, 0);
  pthread_join(r, 0);
  return 0;
}
