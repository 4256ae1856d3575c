/* An audit log appends records into a growable heap buffer under log_lock
 * (memcpy, realloc when full). The compaction hook shrinks the buffer with
 * realloc and no lock while writer threads are appending. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static char *log_buf;
static size_t log_len, log_cap;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;

static void audit_append(const char *rec) {
  size_t n = strlen(rec);
  pthread_mutex_lock(&log_lock);
  if (log_len + n > log_cap) {
    size_t cap = log_cap ? 2 * log_cap : 256;
    while (cap < log_len + n)
      cap *= 2;
    log_buf = realloc(log_buf, cap);
    log_cap = cap;
  }
  memcpy(log_buf + log_len, rec, n);
  log_len += n;
  pthread_mutex_unlock(&log_lock);
}

static void audit_compact(void) {
  log_buf = realloc(log_buf, log_len + 1); /* RACE: racelint-inconsistent-locking */
  log_cap = log_len + 1; /* RACE: racelint-inconsistent-locking */
}

static void *writer(void *arg) {
  for (int i = 0; i < 1000; i++)
    audit_append(arg);
  return NULL;
}

int main(void) {
  pthread_t w[2];
  pthread_create(&w[0], NULL, writer, "login ok\n");
  pthread_create(&w[1], NULL, writer, "logout\n");
  audit_compact();
  pthread_join(w[0], NULL);
  pthread_join(w[1], NULL);
  free(log_buf);
  return 0;
}
