// RUN: %check_racelint %s racelint-lock-order %t
// pthread_join while holding a lock the joined thread takes, directly or in
// a helper it calls.
#include <pthread.h>

static pthread_mutex_t state_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static int running = 1, lines;
static pthread_t reaper;

static void note_line(void) {
  pthread_mutex_lock(&state_lock);
  lines++;
  pthread_mutex_unlock(&state_lock);
}

static void *reaper_main(void *arg) {
  (void)arg;
  for (int i = 0; i < 1000; i++)
    note_line();
  return 0;
}

void server_start(void) { pthread_create(&reaper, 0, reaper_main, 0); }

void server_stop(void) {
  pthread_mutex_lock(&state_lock);
  running = 0;
  pthread_join(reaper, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the thread joined here acquires 'state_lock', which is held; if the thread is waiting for it, the join never returns [racelint-lock-order]
  pthread_mutex_unlock(&state_lock);
}

// Twin: the thread only takes the log lock.
static pthread_t logger;
static void *logger_main(void *arg) {
  (void)arg;
  pthread_mutex_lock(&log_lock);
  lines = 0;
  pthread_mutex_unlock(&log_lock);
  return 0;
}
void logger_start(void) { pthread_create(&logger, 0, logger_main, 0); }
void logger_stop(void) {
  pthread_mutex_lock(&state_lock);
  running = 0;
  pthread_join(logger, 0);
  pthread_mutex_unlock(&state_lock);
}
