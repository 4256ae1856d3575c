/* A proxy keeps a route table and an ACL table behind reader-writer locks.
 * Route updates write-lock the routes and read the ACL; ACL updates
 * write-lock the ACL and read the routes. A writer holding one table blocks
 * the other writer's read, and both wait forever. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>

static pthread_rwlock_t routes_lk = PTHREAD_RWLOCK_INITIALIZER;
static pthread_rwlock_t acl_lk = PTHREAD_RWLOCK_INITIALIZER;
static int nroutes, nacl = 4;

void routes_add(void) {
  pthread_rwlock_wrlock(&routes_lk);
  pthread_rwlock_rdlock(&acl_lk);
  if (nacl > 0)
    nroutes++;
  pthread_rwlock_unlock(&acl_lk);
  pthread_rwlock_unlock(&routes_lk);
}

void acl_add(void) {
  pthread_rwlock_wrlock(&acl_lk);
  pthread_rwlock_rdlock(&routes_lk); /* RACE: racelint-lock-order */
  if (nroutes < 1000)
    nacl++;
  pthread_rwlock_unlock(&routes_lk);
  pthread_rwlock_unlock(&acl_lk);
}

static void *route_updater(void *arg) {
  (void)arg;
  for (int i = 0; i < 100; i++)
    routes_add();
  return NULL;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, route_updater, NULL);
  for (int i = 0; i < 100; i++)
    acl_add();
  pthread_join(t, NULL);
  return 0;
}
