/* A configuration table read under a read lock; reload() writes the table
 * holding only the read lock, and set_timeout() takes no lock at all. */
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

int config_timeout(void) {
  pthread_rwlock_rdlock(&cfg_lock);
  int t = cfg.timeout_ms;
  pthread_rwlock_unlock(&cfg_lock);
  return t;
}

void config_reload(int port) {
  pthread_rwlock_rdlock(&cfg_lock);
  cfg.port = port; /* RACE: racelint-inconsistent-locking */
  pthread_rwlock_unlock(&cfg_lock);
}

void config_set_timeout(int ms) {
  cfg.timeout_ms = ms; /* RACE: racelint-inconsistent-locking */
}

void config_init(void) {
  pthread_rwlock_wrlock(&cfg_lock);
  cfg.port = 8080;
  cfg.timeout_ms = 500;
  pthread_rwlock_unlock(&cfg_lock);
}
