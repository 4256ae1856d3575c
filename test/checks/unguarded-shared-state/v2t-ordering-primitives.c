// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c11 -pthread
// Orderings that are not joins: a lock the parent holds from create to
// join (creation lockset), a mutex handed from parent to child, barrier
// phases and pthread_once. Each twin breaks the ordering in one place.
#define _XOPEN_SOURCE 700
#include <pthread.h>
#include <stddef.h>

/* Creation lockset: the parent holds jobs_mu for the child's whole life. */
static pthread_mutex_t jobs_mu = PTHREAD_MUTEX_INITIALIZER;
static int jobs_run;
static int jobs_failed;

static void *job_locked(void *unused) {
  (void)unused;
  pthread_mutex_lock(&jobs_mu);
  jobs_run++;
  jobs_failed++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'jobs_failed' is updated under 'jobs_mu', but 'job_bare_failed' updates it with no lock held [racelint-inconsistent-locking]
  pthread_mutex_unlock(&jobs_mu);
  return NULL;
}
static void *job_bare_run(void *unused) {
  (void)unused;
  jobs_run++;
  return NULL;
}
static void *job_bare_failed(void *unused) {
  (void)unused;
  jobs_failed++;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'jobs_failed' is updated with no lock held, but 'job_locked' updates it holding 'jobs_mu' [racelint-inconsistent-locking]
  return NULL;
}

static void released_before_join(void) {
  pthread_t a, c;
  pthread_create(&a, NULL, job_locked, NULL);
  pthread_mutex_lock(&jobs_mu);
  pthread_create(&c, NULL, job_bare_failed, NULL);
  pthread_mutex_unlock(&jobs_mu);
  pthread_join(c, NULL);
  pthread_join(a, NULL);
}

/* Lock hand-off: the child cannot pass the gate before the parent's
   write under it is released. */
static pthread_mutex_t gate = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t door = PTHREAD_MUTEX_INITIALIZER;
static int phase_a;
static int phase_b;

static void *await_gate(void *unused) {
  (void)unused;
  pthread_mutex_lock(&gate);
  pthread_mutex_unlock(&gate);
  phase_a = 2;
  return NULL;
}
static void *await_door(void *unused) {
  (void)unused;
  pthread_mutex_lock(&door);
  pthread_mutex_unlock(&door);
  phase_b = 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'phase_b' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  return NULL;
}

static void hand_off(void) {
  pthread_t t;
  pthread_mutex_lock(&gate);
  pthread_create(&t, NULL, await_gate, NULL);
  phase_a = 1;
  pthread_mutex_unlock(&gate);
  pthread_join(t, NULL);
}

static void write_after_release(void) {
  pthread_t t;
  pthread_mutex_lock(&door);
  pthread_create(&t, NULL, await_door, NULL);
  pthread_mutex_unlock(&door);
  phase_b = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'phase_b' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  pthread_join(t, NULL);
}

/* Barrier phases. */
static pthread_barrier_t step;
static double partial[2];
static double combined;
static double scratch;

static void *phase_worker(void *unused) {
  (void)unused;
  partial[1] = 2.5;
  pthread_barrier_wait(&step);
  scratch = 0.5;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'scratch' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  return NULL;
}

static void barrier_phases(void) {
  pthread_t t;
  pthread_barrier_init(&step, NULL, 2);
  pthread_create(&t, NULL, phase_worker, NULL);
  partial[0] = 1.5;
  pthread_barrier_wait(&step);
  combined = partial[0] + partial[1];
  scratch = combined;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'scratch' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  pthread_join(t, NULL);
  pthread_barrier_destroy(&step);
}

/* pthread_once: one once object serialises the routine; two do not. */
static pthread_once_t codec_once = PTHREAD_ONCE_INIT;
static pthread_once_t font_once_main = PTHREAD_ONCE_INIT;
static pthread_once_t font_once_worker = PTHREAD_ONCE_INIT;
static int codec_slots;
static int font_slots;

static void codec_init(void) { codec_slots = codec_slots + 64; }
static void font_init(void) {
  font_slots = font_slots + 64;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: non-atomic read-modify-write of shared 'font_slots' with no lock held [racelint-nonatomic-rmw]
}

static void *codec_user(void *unused) {
  (void)unused;
  pthread_once(&codec_once, codec_init);
  return NULL;
}
static void *font_user(void *unused) {
  (void)unused;
  pthread_once(&font_once_worker, font_init);
  return NULL;
}

static void shared_once(void) {
  pthread_t t;
  pthread_create(&t, NULL, codec_user, NULL);
  pthread_once(&codec_once, codec_init);
  pthread_join(t, NULL);
}

static void split_once(void) {
  pthread_t t;
  pthread_create(&t, NULL, font_user, NULL);
  pthread_once(&font_once_main, font_init);
  pthread_join(t, NULL);
}

int main(void) {
  /* Creation lockset: jobs_mu is held from the create to the join. */
  pthread_t a, c;
  pthread_create(&a, NULL, job_locked, NULL);
  pthread_mutex_lock(&jobs_mu);
  pthread_create(&c, NULL, job_bare_run, NULL);
  pthread_join(c, NULL);
  pthread_mutex_unlock(&jobs_mu);
  pthread_join(a, NULL);

  released_before_join();
  hand_off();
  write_after_release();
  barrier_phases();
  shared_once();
  split_once();
  return phase_a + phase_b + codec_slots + font_slots + (int)combined;
}
