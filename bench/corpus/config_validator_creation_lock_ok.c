/* Config reload: the reloader holds cfg_lock from the moment it starts the
 * validator thread until it has joined it, so the validator's bare write is
 * made under the reloader's lock. The metrics thread reads under cfg_lock. */
#include <pthread.h>

struct config {
  int port;
  int validated;
};

static struct config cfg = {8080, 0};
static pthread_mutex_t cfg_lock = PTHREAD_MUTEX_INITIALIZER;

static void *validator(void *arg) {
  (void)arg;
  cfg.validated = cfg.port > 0 && cfg.port < 65536;
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
  pthread_join(v, NULL);
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
