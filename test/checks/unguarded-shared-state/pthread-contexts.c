// RUN: %check_racelint %s racelint-unguarded-shared-state %t -- -std=c11 -pthread
// C with pthreads: a global races only when two threads can touch it at
// once. What only main() touches, or one thread started once, is not racy;
// a worker started several times races with itself.
#include <pthread.h>
#include <stddef.h>

static int last_job;       /* written by every worker instance */
static int main_only;      /* main() only */
static int reader_only;    /* read by threads, written before spawn */
static int progress;       /* one writer thread, one reader thread */
static int single_owner;   /* one thread, started once */
static const int table_size = 8;
static _Thread_local int scratch;

static void *worker(void *arg) {
  last_job = *(int *)arg;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'last_job' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  // CHECK-NOTES: :[[@LINE+1]]:13: note: conflicting read in 'worker' with no lock held
  scratch = last_job;
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'last_job' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
  // CHECK-NOTES: :[[@LINE-5]]:3: note: conflicting write in 'worker' with no lock held
  (void)reader_only;
  (void)table_size;
  return NULL;
}

static void *loader(void *arg) {
  (void)arg;
  for (int i = 0; i < 100; ++i)
    progress = i;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'progress' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
    // CHECK-NOTES: :[[@LINE+7]]:10: note: conflicting read in 'watcher' with no lock held
  single_owner = 1;
  return NULL;
}

static void *watcher(void *arg) {
  int *out = arg;
  *out = progress;
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'progress' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
  // CHECK-NOTES: :[[@LINE-11]]:5: note: conflicting write in 'loader' with no lock held
  return NULL;
}

static int counter_impl(void) {
  static int calls; /* function-local static */
  calls = 0;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'calls' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  // CHECK-NOTES: :[[@LINE+10]]:3: note: called from 'caller' here
  // CHECK-NOTES: :[[@LINE+1]]:10: note: conflicting read in 'counter_impl' with no lock held
  return calls;
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'calls' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
  // CHECK-NOTES: :[[@LINE+6]]:3: note: called from 'caller' here
  // CHECK-NOTES: :[[@LINE-7]]:3: note: conflicting write in 'counter_impl' with no lock held
}

static void *caller(void *arg) {
  (void)arg;
  counter_impl();
  return NULL;
}

/* pthread_once: the init routine runs once, ordered before every caller. */
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int config_value;
static void init_config(void) { config_value = 42; }
static void *reads_config(void *arg) {
  pthread_once(&once, init_config);
  *(int *)arg = config_value;
  return NULL;
}

int main(void) {
  pthread_t t[4], l, w, c1, c2, r1, r2;
  int ids[4], seen = 0, a = 0, b = 0;
  main_only = 1;
  reader_only = 5;
  for (int i = 0; i < 4; ++i) {
    ids[i] = i;
    pthread_create(&t[i], NULL, worker, &ids[i]);
  }
  pthread_create(&l, NULL, loader, NULL);
  pthread_create(&w, NULL, watcher, &seen);
  pthread_create(&c1, NULL, caller, NULL);
  pthread_create(&c2, NULL, caller, NULL);
  pthread_create(&r1, NULL, reads_config, &a);
  pthread_create(&r2, NULL, reads_config, &b);
  main_only = main_only + 1;
  for (int i = 0; i < 4; ++i)
    pthread_join(t[i], NULL);
  pthread_join(l, NULL);
  pthread_join(w, NULL);
  pthread_join(c1, NULL);
  pthread_join(c2, NULL);
  pthread_join(r1, NULL);
  pthread_join(r2, NULL);
  return main_only + seen + a + b;
}
