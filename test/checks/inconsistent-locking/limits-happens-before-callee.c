// RUN: %check_racelint %s racelint-inconsistent-locking,racelint-unguarded-shared-state %t -- -std=c11 -pthread
// Known false positive, reduced from memcached's start_conn_timeout_thread
// (bench/REALWORLD.md): a flag written before pthread_create in a helper is
// ordered before the new thread (the thread flow sees the create inside the
// helper), but the stop function's locked write of the same flag is another
// entry point that racelint cannot order after the start one: in memcached
// both are called from main() in another file, years apart. Project-wide
// analysis (issue 12) orders them.
#include <pthread.h>
#include <stddef.h>

static pthread_mutex_t timeout_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t timeout_cond = PTHREAD_COND_INITIALIZER;
static int do_run_timeout_thread;
static pthread_t timeout_tid;

static void *timeout_thread(void *arg) {
  (void)arg;
  pthread_mutex_lock(&timeout_lock);
  while (do_run_timeout_thread)
    pthread_cond_wait(&timeout_cond, &timeout_lock);
  pthread_mutex_unlock(&timeout_lock);
  return NULL;
}

static int start_timeout_thread(void) {
  do_run_timeout_thread = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'do_run_timeout_thread' is written without holding 'timeout_lock', which guards it at 2 of 3 accesses [racelint-inconsistent-locking]
  return pthread_create(&timeout_tid, NULL, timeout_thread, NULL);
}

void stop_timeout_thread(void) {
  pthread_mutex_lock(&timeout_lock);
  do_run_timeout_thread = 0;
  pthread_cond_signal(&timeout_cond);
  pthread_mutex_unlock(&timeout_lock);
  pthread_join(timeout_tid, NULL);
}

int server_main(void) {
  return start_timeout_thread();
}

// The same write in the spawning function itself is ordered: silent.
static pthread_t other_tid;
static int do_run_other;
static void *other_thread(void *arg) {
  (void)arg;
  pthread_mutex_lock(&timeout_lock);
  int run = do_run_other;
  pthread_mutex_unlock(&timeout_lock);
  return run ? arg : NULL;
}
int start_other(void) {
  do_run_other = 1;
  return pthread_create(&other_tid, NULL, other_thread, NULL);
}
