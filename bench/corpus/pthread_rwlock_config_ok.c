/* A configuration table: readers share the rwlock, writers take it for
 * writing. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <string.h>

struct config {
  char host[64];
  int port;
  int timeout_ms;
};

static struct config cfg = {"localhost", 80, 1000};
static pthread_rwlock_t cfg_lock = PTHREAD_RWLOCK_INITIALIZER;

int config_port(void) {
  pthread_rwlock_rdlock(&cfg_lock);
  int p = cfg.port;
  pthread_rwlock_unlock(&cfg_lock);
  return p;
}

void config_host(char *out, size_t n) {
  pthread_rwlock_rdlock(&cfg_lock);
  strncpy(out, cfg.host, n - 1);
  out[n - 1] = '\0';
  pthread_rwlock_unlock(&cfg_lock);
}

void config_reload(const char *host, int port) {
  pthread_rwlock_wrlock(&cfg_lock);
  strncpy(cfg.host, host, sizeof cfg.host - 1);
  cfg.port = port;
  pthread_rwlock_unlock(&cfg_lock);
}

void config_set_timeout(int ms) {
  pthread_rwlock_wrlock(&cfg_lock);
  cfg.timeout_ms = ms;
  pthread_rwlock_unlock(&cfg_lock);
}
