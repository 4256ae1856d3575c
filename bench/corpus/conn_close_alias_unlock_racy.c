/* Closing a connection takes the table lock and the stats lock and drops
 * "the lock taken last" early through a pointer a policy helper returns.
 * For listening sockets the helper returns the table lock, so the table is
 * then updated with the table lock already released. */
#include <pthread.h>

static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static int nconns = 100;
static long closes;

static pthread_mutex_t *early_release(int listening) {
  return listening ? &table_lock : &stats_lock;
}

void conn_close(int listening) {
  pthread_mutex_t *first = early_release(listening);
  pthread_mutex_lock(&table_lock);
  pthread_mutex_lock(&stats_lock);
  closes++;
  pthread_mutex_unlock(first);
  nconns--; /* RACE: racelint-inconsistent-locking */
  pthread_mutex_unlock(first == &stats_lock ? &table_lock : &stats_lock);
}

void conn_open(void) {
  pthread_mutex_lock(&table_lock);
  nconns++;
  pthread_mutex_unlock(&table_lock);
}

long conn_stats(void) {
  pthread_mutex_lock(&stats_lock);
  long c = closes;
  pthread_mutex_unlock(&stats_lock);
  return c;
}
