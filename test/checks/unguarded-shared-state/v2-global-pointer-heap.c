// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c11 -pthread
// Storage behind a global pointer is the storage the translation unit
// points it at: a heap block from calloc, or another global. A thread that
// writes through the pointer races with main reading the same storage, by
// the pointer or by the global's own name. Each racy pair has a twin that
// takes one lock on both sides.
#include <pthread.h>
#include <stdlib.h>

struct sensor {
  int celsius;
  int alarm;
  struct sensor *spare;
};

static struct sensor *hot;          /* heap, touched bare */
static struct sensor *cold;         /* heap, always under cold_mu */
static pthread_mutex_t cold_mu = PTHREAD_MUTEX_INITIALIZER;

static long *ring;                  /* heap array, bare */
static long *bins;                  /* heap array, under bins_mu */
static pthread_mutex_t bins_mu = PTHREAD_MUTEX_INITIALIZER;

static double volts;                /* pointed at by probe */
static double *probe = &volts;
static double amps;                 /* pointed at by meter, under meter_mu */
static double *meter = &amps;
static pthread_mutex_t meter_mu = PTHREAD_MUTEX_INITIALIZER;

static void *poll_sensors(void *unused) {
  (void)unused;
  hot->celsius = 41;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'hot->celsius' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  hot->spare->alarm = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'hot->spare->alarm' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  ring[3] = 99;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ring[3]' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  *probe = 3.3;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: '*probe' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]

  pthread_mutex_lock(&cold_mu);
  cold->celsius = 41;
  cold->spare->alarm = 1;
  pthread_mutex_unlock(&cold_mu);
  pthread_mutex_lock(&bins_mu);
  bins[3] = 99;
  pthread_mutex_unlock(&bins_mu);
  pthread_mutex_lock(&meter_mu);
  *meter = 3.3;
  pthread_mutex_unlock(&meter_mu);
  return NULL;
}

int main(void) {
  hot = calloc(1, sizeof *hot);
  hot->spare = calloc(1, sizeof *hot);
  cold = calloc(1, sizeof *cold);
  cold->spare = calloc(1, sizeof *cold);
  ring = calloc(8, sizeof *ring);
  bins = calloc(8, sizeof *bins);

  pthread_t t;
  pthread_create(&t, NULL, poll_sensors, NULL);

  int c = hot->celsius;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'hot->celsius' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
  int a = hot->spare->alarm;
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'hot->spare->alarm' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
  long r = ring[3];
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'ring[3]' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
  double v = volts;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'volts' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]

  pthread_mutex_lock(&cold_mu);
  c += cold->celsius;
  a += cold->spare->alarm;
  pthread_mutex_unlock(&cold_mu);
  pthread_mutex_lock(&bins_mu);
  r += bins[3];
  pthread_mutex_unlock(&bins_mu);
  pthread_mutex_lock(&meter_mu);
  v += amps;
  pthread_mutex_unlock(&meter_mu);

  pthread_join(t, NULL);
  return c + a + (int)r + (int)v;
}
