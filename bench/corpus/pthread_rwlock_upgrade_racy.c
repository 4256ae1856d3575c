/* A route table read under the read lock; the cache-miss path "upgrades"
 * by writing while still holding only the read lock. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <string.h>

#define ROUTES 16

struct route {
  char prefix[16];
  int port;
};

static struct route table[ROUTES];
static int nroutes;
static pthread_rwlock_t table_lock = PTHREAD_RWLOCK_INITIALIZER;

void route_add(const char *prefix, int port) {
  pthread_rwlock_wrlock(&table_lock);
  if (nroutes < ROUTES) {
    strncpy(table[nroutes].prefix, prefix, 15);
    table[nroutes].port = port;
    nroutes++;
  }
  pthread_rwlock_unlock(&table_lock);
}

int route_lookup(const char *path, int default_port) {
  int port = -1;
  pthread_rwlock_rdlock(&table_lock);
  for (int i = 0; i < nroutes; ++i)
    if (strncmp(path, table[i].prefix, strlen(table[i].prefix)) == 0)
      port = table[i].port;
  if (port < 0 && nroutes < ROUTES) {
    strncpy(table[nroutes].prefix, path, 15); /* RACE: racelint-inconsistent-locking */
    table[nroutes].port = default_port; /* RACE: racelint-inconsistent-locking */
    nroutes++; /* RACE: racelint-inconsistent-locking */
    port = default_port;
  }
  pthread_rwlock_unlock(&table_lock);
  return port;
}
