// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -pthread
// One locked update of a field against one bare one is a tie; the object
// the field belongs to breaks it when its other fields are kept under the
// same lock: that lock is the object's, and the bare update is the one
// deviant. A lone scalar, or an object whose other fields are bare, has
// nothing to break the tie: both sides of the race are reported.
#include <pthread.h>

struct netstats {
  unsigned long rx, bytes, dropped;
};
static struct netstats stats;
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;

static unsigned long lone;
static pthread_mutex_t lone_lock = PTHREAD_MUTEX_INITIALIZER;

struct loose {
  int a, b, c;
};
static struct loose loose;
static pthread_mutex_t loose_lock = PTHREAD_MUTEX_INITIALIZER;

static void on_receive(unsigned len) {
  pthread_mutex_lock(&stats_lock);
  stats.rx++;
  stats.bytes += len;
  pthread_mutex_unlock(&stats_lock);
}

static void on_drop(void) {
  pthread_mutex_lock(&stats_lock);
  stats.dropped++;
  pthread_mutex_unlock(&stats_lock);
  pthread_mutex_lock(&lone_lock);
  lone++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'lone' is updated under 'lone_lock', but 'on_burst' updates it with no lock held [racelint-inconsistent-locking]
  pthread_mutex_unlock(&lone_lock);
  pthread_mutex_lock(&loose_lock);
  loose.a++;
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'loose.a' is updated under 'loose_lock', but 'on_burst' updates it with no lock held [racelint-inconsistent-locking]
  pthread_mutex_unlock(&loose_lock);
}

static void on_burst(unsigned n) {
  stats.dropped += n;
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'stats.dropped' is updated without holding 'stats_lock', which guards it at 1 of 2 accesses and the other fields of its object at 2 of 2 statements [racelint-inconsistent-locking]
  lone += n;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'lone' is updated with no lock held, but 'on_drop' updates it holding 'lone_lock' [racelint-inconsistent-locking]
  loose.a += n;
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'loose.a' is updated with no lock held, but 'on_drop' updates it holding 'loose_lock' [racelint-inconsistent-locking]
  loose.b = 1;
  loose.c = 2;
}

static void *rx_thread(void *arg) {
  for (unsigned i = 0; i < 100; i++)
    on_receive(i);
  on_drop();
  return arg;
}

static void *burst_thread(void *arg) {
  on_burst(8);
  return arg;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, 0, rx_thread, 0);
  pthread_create(&b, 0, burst_thread, 0);
  pthread_join(a, 0);
  pthread_join(b, 0);
  return 0;
}
