// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c11 -pthread
// Path-sensitive lock discipline on pthread mutexes: a lock taken on only
// some paths and taken again later may be locked twice; a callee that
// locks the mutex its caller already holds deadlocks at the call; an
// unlock on a path where the lock was never taken; a lock reached through
// a pointer that is re-read for the unlock after another thread may have
// changed it.
#include <pthread.h>
#include <stddef.h>
#include <string.h>

/* May be locked twice. */
static pthread_mutex_t cfg_mu = PTHREAD_MUTEX_INITIALIZER;
static int cfg_gen;
int cfg_stale(void);

void cfg_touch_bad(void) {
  if (cfg_stale())
    pthread_mutex_lock(&cfg_mu);
  cfg_gen++;
  pthread_mutex_lock(&cfg_mu);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'cfg_mu' may be locked twice: it is still held here on some paths, and it is not recursive, so those paths deadlock [racelint-lock-discipline]
  cfg_gen++;
  pthread_mutex_unlock(&cfg_mu);
}

void cfg_touch_good(void) {
  if (cfg_stale()) {
    pthread_mutex_lock(&cfg_mu);
    cfg_gen = 0;
    pthread_mutex_unlock(&cfg_mu);
  }
  pthread_mutex_lock(&cfg_mu);
  cfg_gen++;
  pthread_mutex_unlock(&cfg_mu);
}

/* A callee relocking what the caller holds. */
static pthread_mutex_t roster_mu = PTHREAD_MUTEX_INITIALIZER;
static int roster_len;
static int roster_open = 1;

static void roster_add(void) {
  pthread_mutex_lock(&roster_mu);
  roster_len++;
  pthread_mutex_unlock(&roster_mu);
}
static void roster_add_locked(void) { roster_len++; }

void roster_enroll_bad(void) {
  pthread_mutex_lock(&roster_mu);
  if (roster_open)
    roster_add();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'roster_add' locks 'roster_mu', which is already held here; it is not recursive, so this deadlocks [racelint-lock-discipline]
  pthread_mutex_unlock(&roster_mu);
}

void roster_enroll_good(void) {
  pthread_mutex_lock(&roster_mu);
  if (roster_open)
    roster_add_locked();
  pthread_mutex_unlock(&roster_mu);
  roster_add();
}

/* Unlock on a path where the lock is not held. */
static pthread_mutex_t sched_mu = PTHREAD_MUTEX_INITIALIZER;
static int sched_queue;

int sched_submit_bad(const char *what) {
  if (strlen(what) == 0) {
    pthread_mutex_unlock(&sched_mu);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'sched_mu' is unlocked here but is not held on this path [racelint-lock-discipline]
    return -1;
  }
  pthread_mutex_lock(&sched_mu);
  sched_queue++;
  pthread_mutex_unlock(&sched_mu);
  return 0;
}

int sched_submit_good(const char *what) {
  pthread_mutex_lock(&sched_mu);
  if (strlen(what) == 0) {
    pthread_mutex_unlock(&sched_mu);
    return -1;
  }
  sched_queue++;
  pthread_mutex_unlock(&sched_mu);
  return 0;
}

/* A lock re-read through a pointer another function reassigns. */
struct reactor {
  pthread_mutex_t mu;
  int pending;
};
struct watcher {
  struct reactor *home;
  int armed;
};

void watcher_migrate(struct watcher *w, struct reactor *to) { w->home = to; }

void watcher_cancel_bad(struct watcher *w) {
  pthread_mutex_lock(&w->home->mu);
  w->armed = 0;
  w->home->pending--;
  pthread_mutex_unlock(&w->home->mu);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'w->home' is read again to unlock 'w->home->mu'; it may have changed since the lock, so this may unlock a different mutex [racelint-lock-discipline]
}

void watcher_cancel_good(struct watcher *w) {
  struct reactor *r = w->home;
  pthread_mutex_lock(&r->mu);
  w->armed = 0;
  r->pending--;
  pthread_mutex_unlock(&r->mu);
}
