/* A route table: lookups take the read lock; a miss drops it and retakes
 * the write lock, re-checking before inserting. */
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

static int find_locked(const char *path) {
  for (int i = 0; i < nroutes; ++i)
    if (strncmp(path, table[i].prefix, strlen(table[i].prefix)) == 0)
      return table[i].port;
  return -1;
}

int route_lookup(const char *path, int default_port) {
  pthread_rwlock_rdlock(&table_lock);
  int port = find_locked(path);
  pthread_rwlock_unlock(&table_lock);
  if (port >= 0)
    return port;
  pthread_rwlock_wrlock(&table_lock);
  port = find_locked(path);
  if (port < 0 && nroutes < ROUTES) {
    strncpy(table[nroutes].prefix, path, 15);
    table[nroutes].port = default_port;
    nroutes++;
    port = default_port;
  }
  pthread_rwlock_unlock(&table_lock);
  return port;
}
