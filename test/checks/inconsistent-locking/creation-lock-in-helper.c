// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -pthread
// A helper that holds a lock from the create of a thread to its join covers
// what the thread does with that lock, wherever the helper is called from.
// If it lets the lock go before the join, the thread's bare write races with
// the other holders of the lock.
#include <pthread.h>

struct settings {
  int port;
  int checked;
  int probed;
};
static struct settings cfg = {8080, 0, 0};
static pthread_mutex_t cfg_lock = PTHREAD_MUTEX_INITIALIZER;

static void *checker(void *arg) {
  cfg.checked = cfg.port > 0;
  return arg;
}

static void *prober(void *arg) {
  cfg.probed = cfg.port != 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'cfg.probed' is written without holding 'cfg_lock'{{.*}} [racelint-inconsistent-locking]
  return arg;
}

static void *monitor(void *arg) {
  pthread_mutex_lock(&cfg_lock);
  int v = cfg.checked + cfg.probed;
  pthread_mutex_unlock(&cfg_lock);
  return (void *)(long)v;
}

/* Silent: cfg_lock is held from the create to the join. */
static int recheck(int port) {
  pthread_t t;
  pthread_mutex_lock(&cfg_lock);
  cfg.port = port;
  cfg.checked = 0;
  pthread_create(&t, NULL, checker, NULL);
  pthread_join(t, NULL);
  int ok = cfg.checked;
  pthread_mutex_unlock(&cfg_lock);
  return ok;
}

/* The lock is released before the join. */
static int reprobe(int port) {
  pthread_t t;
  pthread_mutex_lock(&cfg_lock);
  cfg.port = port;
  cfg.probed = 0;
  pthread_create(&t, NULL, prober, NULL);
  pthread_mutex_unlock(&cfg_lock);
  pthread_join(t, NULL);
  pthread_mutex_lock(&cfg_lock);
  int ok = cfg.probed;
  pthread_mutex_unlock(&cfg_lock);
  return ok;
}

int main(void) {
  pthread_t m;
  pthread_create(&m, NULL, monitor, NULL);
  int ok = recheck(9090) + reprobe(9091);
  pthread_join(m, NULL);
  return ok;
}
