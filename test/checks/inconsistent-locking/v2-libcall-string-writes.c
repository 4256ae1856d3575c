// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c11 -pthread
// memset, memcpy and strcpy write the memory their first argument points
// at, and memcpy reads its second: they are accesses of that storage. A
// call made bare on storage that a lock guards everywhere else is the
// deviant; the twins make the same call under the lock.
#include <pthread.h>
#include <string.h>

struct route {
  char name[32];
  int hops[4];
  unsigned metric;
};

static pthread_mutex_t table_mu = PTHREAD_MUTEX_INITIALIZER;
static struct route primary, backup;
static char banner[64], motd[64];
static int hop_cache[4], hop_spare[4];

static void *updater(void *unused) {
  (void)unused;
  for (int i = 0; i < 4; ++i) {
    pthread_mutex_lock(&table_mu);
    primary.metric = i;
    backup.metric = i;
    banner[0] = 'a' + i;
    motd[0] = 'a' + i;
    hop_cache[i] = i;
    hop_spare[i] = i;
    pthread_mutex_unlock(&table_mu);
  }
  return NULL;
}

static unsigned metrics(void) {
  pthread_mutex_lock(&table_mu);
  unsigned m = primary.metric + backup.metric + banner[0] + motd[0];
  pthread_mutex_unlock(&table_mu);
  return m;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, updater, NULL);

  memset(&primary, 0, sizeof primary);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'primary' is written without holding 'table_mu', which guards it at 2 of 3 accesses [racelint-inconsistent-locking]
  strcpy(banner, "maintenance");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: '*banner' is written without holding 'table_mu', which guards it at 2 of 3 accesses [racelint-inconsistent-locking]
  int local_hops[4];
  memcpy(local_hops, hop_cache, sizeof local_hops);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: '*hop_cache' is read without holding 'table_mu', which guards it at 1 of 2 accesses [racelint-inconsistent-locking]

  pthread_mutex_lock(&table_mu);
  memset(&backup, 0, sizeof backup);
  strcpy(motd, "welcome");
  memcpy(local_hops, hop_spare, sizeof local_hops);
  pthread_mutex_unlock(&table_mu);

  unsigned m = metrics();
  pthread_join(t, NULL);
  return (int)m + local_hops[0];
}
