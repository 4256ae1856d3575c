// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t
// Settings of a server read inside the critical sections of its queue
// lock: bare writes made before the workers start are configuration, but
// the same write made while a worker runs (main's, after the create) is a race whatever the lock's
// convention.
#include <pthread.h>

struct server {
  pthread_mutex_t lock; /* guards head and queued */
  int head, queued;
  int max_queued, backlog, verbose;
};
static struct server srv = {PTHREAD_MUTEX_INITIALIZER};

static void *worker(void *arg) {
  (void)arg;
  pthread_mutex_lock(&srv.lock);
  if (srv.queued < srv.max_queued + srv.backlog) {
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'srv.max_queued' is read under 'srv.lock', but 'main' writes it with no lock held [racelint-inconsistent-locking]
    srv.queued++;
    srv.head = srv.verbose;
  }
  pthread_mutex_unlock(&srv.lock);
  return 0;
}

// Exported setters, called by the embedding program (before it starts the
// server, by the convention the other settings follow).
void server_set_backlog(int n) { srv.backlog = n; }
void server_set_verbose(int v) { srv.verbose = v; }

int main(void) {
  pthread_t t;
  srv.max_queued = 8;
  pthread_create(&t, 0, worker, 0);
  srv.max_queued = 4;
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'srv.max_queued' is written with no lock held, but 'worker' reads it holding 'srv.lock' [racelint-inconsistent-locking]
  pthread_join(t, 0);
  return 0;
}
