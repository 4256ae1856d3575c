// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c11 -pthread
// A maintenance thread that holds its mutex for its whole life (releasing
// it only inside pthread_cond_wait) does not make that mutex the guard of
// everything it touches: the other side of those accesses is ordered by
// other means (here, the compactor runs only while the readers are parked
// by code in another file). A thread that takes its lock only around one
// update does make it the guard, and the bare read is the deviant.
#include <pthread.h>
#include <stddef.h>

void park_readers(void);      /* defined elsewhere: returns once readers wait */
void unpark_readers(void);

static pthread_mutex_t compact_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t compact_cv = PTHREAD_COND_INITIALIZER;
static int *segments, *retired;
static unsigned epoch;

static void *compactor(void *unused) {
  (void)unused;
  pthread_mutex_lock(&compact_mu);
  for (;;) {
    pthread_cond_wait(&compact_cv, &compact_mu);
    park_readers();
    retired = segments;
    segments = retired + 8;
    epoch++;
    unpark_readers();
  }
  pthread_mutex_unlock(&compact_mu);
  return NULL;
}

void start_compactor(void) {
  pthread_t t;
  pthread_create(&t, NULL, compactor, NULL);
}

int segment_at(unsigned i) { return segments[i]; }
unsigned current_epoch(void) { return epoch; }

static pthread_mutex_t tick_mu = PTHREAD_MUTEX_INITIALIZER;
static unsigned long ticks, resets;

static void *ticker(void *unused) {
  (void)unused;
  for (int i = 0; i < 1000; ++i) {
    pthread_mutex_lock(&tick_mu);
    ticks++;
    resets += i == 500;
    pthread_mutex_unlock(&tick_mu);
  }
  return NULL;
}

void start_ticker(void) {
  pthread_t t;
  pthread_create(&t, NULL, ticker, NULL);
}

unsigned long ticks_now(void) { return ticks; }
// CHECK-MESSAGES: :[[@LINE-1]]:40: warning: 'ticks' is read without holding 'tick_mu', which guards it at 1 of 2 accesses [racelint-inconsistent-locking]
void reset_ticks(void) { resets = 0; }
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'resets' is written without holding 'tick_mu', which guards it at 2 of 3 accesses [racelint-inconsistent-locking]
unsigned long resets_now(void) {
  pthread_mutex_lock(&tick_mu);
  unsigned long r = resets;
  pthread_mutex_unlock(&tick_mu);
  return r;
}
