/* Config reload: the reloader starts the validator thread under cfg_lock
 * but releases the lock before joining it, so the validator's bare write
 * races with the metrics thread, which reads under cfg_lock. */
#include <pthread.h>

struct config {
  int port;
  int validated;
};

static struct config cfg = {8080, 0};
static pthread_mutex_t cfg_lock = PTHREAD_MUTEX_INITIALIZER;

static void *validator(void *arg) {
  (void)arg;
  cfg.validated = cfg.port > 0 && cfg.port < 65536; /* RACE: racelint-inconsistent-locking */
  return NULL;
}

static void *metrics(void *arg) {
  (void)arg;
  int v;
  pthread_mutex_lock(&cfg_lock);
  v = cfg.validated;
  pthread_mutex_unlock(&cfg_lock);
  return (void *)(long)v;
}

static int reload(int port) {
  pthread_t v;
  pthread_mutex_lock(&cfg_lock);
  cfg.port = port;
  cfg.validated = 0;
  pthread_create(&v, NULL, validator, NULL);
  pthread_mutex_unlock(&cfg_lock);
  pthread_join(v, NULL);
  pthread_mutex_lock(&cfg_lock);
  int ok = cfg.validated;
  pthread_mutex_unlock(&cfg_lock);
  return ok;
}

int main(void) {
  pthread_t m;
  pthread_create(&m, NULL, metrics, NULL);
  int ok = reload(9090);
  pthread_join(m, NULL);
  return ok ? 0 : 1;
}
