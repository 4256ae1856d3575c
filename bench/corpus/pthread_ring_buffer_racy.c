/* A ring buffer shared by a producer and a consumer thread. The indices are
 * updated under the lock, but the consumer peeks at the count first. */
#include <pthread.h>

#define CAP 64

static int ring[CAP];
static unsigned head, tail, count;
static pthread_mutex_t ring_lock = PTHREAD_MUTEX_INITIALIZER;

static int ring_put(int v) {
  int ok = 0;
  pthread_mutex_lock(&ring_lock);
  if (count < CAP) {
    ring[tail] = v;
    tail = (tail + 1) % CAP;
    count++;
    ok = 1;
  }
  pthread_mutex_unlock(&ring_lock);
  return ok;
}

static int ring_get(int *out) {
  if (count == 0) /* RACE: racelint-inconsistent-locking */
    return 0;
  pthread_mutex_lock(&ring_lock);
  *out = ring[head];
  head = (head + 1) % CAP;
  count--;
  pthread_mutex_unlock(&ring_lock);
  return 1;
}

static void *producer(void *arg) {
  (void)arg;
  for (int i = 0; i < 10000;)
    if (ring_put(i))
      ++i;
  return NULL;
}

static void *consumer(void *arg) {
  long *sum = arg;
  int v;
  for (int got = 0; got < 10000;)
    if (ring_get(&v)) {
      *sum += v;
      ++got;
    }
  return NULL;
}

int main(void) {
  pthread_t p, c;
  long sum = 0;
  pthread_create(&p, NULL, producer, NULL);
  pthread_create(&c, NULL, consumer, &sum);
  pthread_join(p, NULL);
  pthread_join(c, NULL);
  return sum > 0 ? 0 : 1;
}
