// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c11 -pthread
// A lock taken only when a parameter says so, then taken again whatever it
// says, deadlocks on the paths where the parameter is set. The twin
// releases the first one before taking it again.
#include <pthread.h>

static pthread_mutex_t cfg_mu = PTHREAD_MUTEX_INITIALIZER;
static int cfg_gen;

void cfg_touch_bad(int reload) {
  if (reload)
    pthread_mutex_lock(&cfg_mu);
  pthread_mutex_lock(&cfg_mu);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'cfg_mu' may be locked twice: it is still held here on some paths, and it is not recursive, so those paths deadlock [racelint-lock-discipline]
  cfg_gen++;
  pthread_mutex_unlock(&cfg_mu);
}

void cfg_touch_released(int reload) {
  if (reload) {
    pthread_mutex_lock(&cfg_mu);
    cfg_gen = 0;
    pthread_mutex_unlock(&cfg_mu);
  }
  pthread_mutex_lock(&cfg_mu);
  cfg_gen++;
  pthread_mutex_unlock(&cfg_mu);
}
