// RUN: %check_racelint %s racelint-inconsistent-locking,racelint-unguarded-shared-state %t -- -std=c11 -pthread
// A function handed to code racelint cannot see (a timer registered with
// an event library) is called from there too, with none of the locks its
// direct callers hold: its unguarded read of the flag races with the
// worker's guarded write. The same helper called only directly, under the
// lock, is silent.
#include <pthread.h>
typedef void (*timer_cb)(int);
void timer_add(timer_cb cb); /* the event library's: no body here */

static pthread_mutex_t conn_lock = PTHREAD_MUTEX_INITIALIZER;
static int accepting = 1, backlog;

static void on_timer(int fd) {
  if (fd == -1 || !accepting)
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'accepting' is read without holding 'conn_lock', which guards it at 3 of 4 accesses [racelint-inconsistent-locking]
    timer_add(on_timer);
}
static void drain_backlog(void) {
  if (backlog > 0)
    backlog--;
}
static void set_accepting(int v) {
  accepting = v;
  drain_backlog();
  if (!v)
    on_timer(-1);
}
static void *worker(void *arg) {
  (void)arg;
  pthread_mutex_lock(&conn_lock);
  accepting = 1;
  backlog++;
  pthread_mutex_unlock(&conn_lock);
  return 0;
}
void accept_conns(int v) {
  pthread_mutex_lock(&conn_lock);
  set_accepting(v);
  pthread_mutex_unlock(&conn_lock);
}
int main(void) {
  pthread_t t;
  pthread_create(&t, 0, worker, 0);
  timer_add(on_timer);
  accept_conns(0);
  pthread_join(t, 0);
  return 0;
}
