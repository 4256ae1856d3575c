/* Closing a connection takes the table lock and the stats lock, drops the
 * stats lock as soon as the counters are updated, and finishes the table
 * update under the table lock. */
#include <pthread.h>

static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static int nconns = 100;
static long closes;

void conn_close(void) {
  pthread_mutex_lock(&table_lock);
  pthread_mutex_lock(&stats_lock);
  closes++;
  pthread_mutex_unlock(&stats_lock);
  nconns--;
  pthread_mutex_unlock(&table_lock);
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
