/* A record log: oversized records are counted as rejected under the log
 * lock, which is released before they are truncated and appended like any
 * other record. */
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
    pthread_mutex_unlock(&lg->mu);
    n = MAX_REC;
  }
  pthread_mutex_lock(&lg->mu);
  if (lg->len + n > sizeof lg->data) {
    pthread_mutex_unlock(&lg->mu);
    return -1;
  }
  memcpy(lg->data + lg->len, rec, n);
  lg->len += n;
  pthread_mutex_unlock(&lg->mu);
  return 0;
}
