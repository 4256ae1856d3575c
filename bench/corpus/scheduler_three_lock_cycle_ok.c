/* A job scheduler with three locks: the run queue, the timer wheel and the
 * worker table. Every path that nests them follows the same order:
 * queue -> timers -> workers. */
#include <pthread.h>

static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t timer_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t worker_lock = PTHREAD_MUTEX_INITIALIZER;
static int queued, armed_timers, idle_workers = 4;

void enqueue_delayed(void) {
  pthread_mutex_lock(&queue_lock);
  queued++;
  pthread_mutex_lock(&timer_lock);
  armed_timers++;
  pthread_mutex_unlock(&timer_lock);
  pthread_mutex_unlock(&queue_lock);
}

void timer_tick(void) {
  pthread_mutex_lock(&timer_lock);
  if (armed_timers > 0) {
    armed_timers--;
    pthread_mutex_lock(&worker_lock);
    idle_workers--;
    pthread_mutex_unlock(&worker_lock);
  }
  pthread_mutex_unlock(&timer_lock);
}

void worker_done(void) {
  pthread_mutex_lock(&queue_lock);
  pthread_mutex_lock(&worker_lock);
  idle_workers++;
  if (queued > 0)
    queued--;
  pthread_mutex_unlock(&worker_lock);
  pthread_mutex_unlock(&queue_lock);
}

static void *producer(void *arg) {
  (void)arg;
  for (int i = 0; i < 1000; i++)
    enqueue_delayed();
  return NULL;
}

static void *ticker(void *arg) {
  (void)arg;
  for (int i = 0; i < 1000; i++)
    timer_tick();
  return NULL;
}

static void *worker(void *arg) {
  (void)arg;
  for (int i = 0; i < 1000; i++)
    worker_done();
  return NULL;
}

int main(void) {
  pthread_t p, t, w;
  pthread_create(&p, NULL, producer, NULL);
  pthread_create(&t, NULL, ticker, NULL);
  pthread_create(&w, NULL, worker, NULL);
  pthread_join(p, NULL);
  pthread_join(t, NULL);
  pthread_join(w, NULL);
  return 0;
}
