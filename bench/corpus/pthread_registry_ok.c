/* A handler registry: dispatch finds the handler under the lock and calls
 * it after releasing it. */
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
  handler_fn fn = NULL;
  pthread_mutex_lock(&reg_lock);
  for (int i = 0; i < nhandlers; ++i) {
    if (strcmp(handlers[i].name, name) == 0) {
      fn = handlers[i].fn;
      break;
    }
  }
  pthread_mutex_unlock(&reg_lock);
  if (!fn)
    return -1;
  fn(arg);
  return 0;
}
