/* A maintenance thread holds maint_lock for its whole life (it lets go only
 * inside pthread_cond_wait). The event ring is guarded by ring_lock, but the
 * maintainer trims it relying on maint_lock, which producers never take. */
#include <pthread.h>

static pthread_mutex_t maint_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t maint_cv = PTHREAD_COND_INITIALIZER;
static pthread_mutex_t ring_lock = PTHREAD_MUTEX_INITIALIZER;
static int ring[256];
static unsigned ring_len;
static int maint_request; /* 0 idle, 1 trim, -1 exit */
static long trims;

static void *maintainer(void *arg) {
  (void)arg;
  pthread_mutex_lock(&maint_lock);
  for (;;) {
    while (maint_request == 0)
      pthread_cond_wait(&maint_cv, &maint_lock);
    if (maint_request < 0)
      break;
    maint_request = 0;
    if (ring_len > 128) /* RACE: racelint-inconsistent-locking */
      ring_len = 128; /* RACE: racelint-inconsistent-locking */
    trims++;
  }
  pthread_mutex_unlock(&maint_lock);
  return NULL;
}

static void produce(int v) {
  pthread_mutex_lock(&ring_lock);
  if (ring_len < 256)
    ring[ring_len++] = v;
  pthread_mutex_unlock(&ring_lock);
}

static unsigned ring_size(void) {
  pthread_mutex_lock(&ring_lock);
  unsigned n = ring_len;
  pthread_mutex_unlock(&ring_lock);
  return n;
}

static void request_maintenance(int stop) {
  pthread_mutex_lock(&maint_lock);
  maint_request = stop ? -1 : 1;
  pthread_cond_signal(&maint_cv);
  pthread_mutex_unlock(&maint_lock);
}

int main(void) {
  pthread_t m;
  pthread_create(&m, NULL, maintainer, NULL);
  for (int i = 0; i < 1000; i++) {
    produce(i);
    if (i % 200 == 0)
      request_maintenance(0);
  }
  request_maintenance(1);
  pthread_join(m, NULL);
  return ring_size() > 0 ? 0 : 1;
}
