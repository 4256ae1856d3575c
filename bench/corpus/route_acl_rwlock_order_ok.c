/* A proxy keeps a route table and an ACL table behind reader-writer locks.
 * Request threads read both tables, in either order depending on the
 * request type; only shared (read) locks are ever nested, and the writers
 * take one table at a time. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>

static pthread_rwlock_t routes_lk = PTHREAD_RWLOCK_INITIALIZER;
static pthread_rwlock_t acl_lk = PTHREAD_RWLOCK_INITIALIZER;
static int nroutes = 10, nacl = 4;

int route_allowed(void) {
  pthread_rwlock_rdlock(&routes_lk);
  pthread_rwlock_rdlock(&acl_lk);
  int ok = nroutes > 0 && nacl > 0;
  pthread_rwlock_unlock(&acl_lk);
  pthread_rwlock_unlock(&routes_lk);
  return ok;
}

int acl_covers_routes(void) {
  pthread_rwlock_rdlock(&acl_lk);
  pthread_rwlock_rdlock(&routes_lk);
  int ok = nacl >= nroutes / 4;
  pthread_rwlock_unlock(&routes_lk);
  pthread_rwlock_unlock(&acl_lk);
  return ok;
}

void routes_add(void) {
  pthread_rwlock_wrlock(&routes_lk);
  nroutes++;
  pthread_rwlock_unlock(&routes_lk);
}

static void *request_thread(void *arg) {
  int kind = (int)(long)arg;
  int hits = 0;
  for (int i = 0; i < 1000; i++)
    hits += kind ? route_allowed() : acl_covers_routes();
  return (void *)(long)hits;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, request_thread, (void *)0L);
  pthread_create(&b, NULL, request_thread, (void *)1L);
  routes_add();
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return 0;
}
