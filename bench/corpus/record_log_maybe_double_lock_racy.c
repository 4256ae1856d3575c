/* A record log: oversized records are counted as rejected under the log
 * lock and then truncated and appended like any other record -- but the
 * rejection branch never released the lock, so the common path locks it a
 * second time on that path only. */
#include <pthread.h>
#include <string.h>

#define MAX_REC 128

struct reclog {
  pthread_mutex_t mu;
  char data[1 << 16];
  size_t len;
  long rejected;
};

int reclog_append(struct reclog *lg, const char *rec) {
  size_t n = strlen(rec);
  if (n > MAX_REC) {
    pthread_mutex_lock(&lg->mu);
    lg->rejected++;
    n = MAX_REC;
  }
  pthread_mutex_lock(&lg->mu); /* RACE: racelint-lock-discipline */
  if (lg->len + n > sizeof lg->data) {
    pthread_mutex_unlock(&lg->mu);
    return -1;
  }
  memcpy(lg->data + lg->len, rec, n);
  lg->len += n;
  pthread_mutex_unlock(&lg->mu);
  return 0;
}
