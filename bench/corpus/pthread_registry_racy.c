/* A handler registry: handlers are registered from any thread under the
 * lock, but dispatch reads the table and the count without it. */
#include <pthread.h>
#include <string.h>

typedef void (*handler_fn)(const char *);

struct entry {
  char name[32];
  handler_fn fn;
};

static struct entry handlers[16];
static int nhandlers;
static pthread_mutex_t reg_lock = PTHREAD_MUTEX_INITIALIZER;

int register_handler(const char *name, handler_fn fn) {
  int rc = -1;
  pthread_mutex_lock(&reg_lock);
  if (nhandlers < 16) {
    strncpy(handlers[nhandlers].name, name, 31);
    handlers[nhandlers].fn = fn;
    nhandlers++;
    rc = 0;
  }
  pthread_mutex_unlock(&reg_lock);
  return rc;
}

int dispatch(const char *name, const char *arg) {
  for (int i = 0; i < nhandlers; ++i) { /* RACE: racelint-inconsistent-locking */
    if (strcmp(handlers[i].name, name) == 0) { /* RACE: racelint-inconsistent-locking */
      handlers[i].fn(arg); /* RACE: racelint-inconsistent-locking */
      return 0;
    }
  }
  return -1;
}
