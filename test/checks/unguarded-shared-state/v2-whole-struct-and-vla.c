// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c11 -pthread
// A whole-struct assignment writes (or, on its right-hand side, reads)
// every field; a variable-length array's bound reads the variable. Both
// race with a thread that writes the same storage bare. The twins copy or
// size from storage the thread touches only under the lock.
#include <pthread.h>

struct window {
  int left, right;
};

static pthread_mutex_t view_mu = PTHREAD_MUTEX_INITIALIZER;
static struct window view, view_ok;       /* assigned whole by main */
static struct window latest, latest_ok;   /* copied out whole by main */
static int columns, columns_ok;           /* VLA bounds */

static void *pan(void *unused) {
  (void)unused;
  view.right += 5;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: non-atomic read-modify-write of shared 'view.right' with no lock held [racelint-nonatomic-rmw]
  latest.left = 3;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'latest.left' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  columns = 132;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'columns' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  pthread_mutex_lock(&view_mu);
  view_ok.right += 5;
  latest_ok.left = 3;
  columns_ok = 132;
  pthread_mutex_unlock(&view_mu);
  return NULL;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, pan, NULL);
  struct window home = {0, 80};
  view = home;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'view' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  struct window seen = latest;
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'latest' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
  char line[columns];
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'columns' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
  line[0] = 0;

  pthread_mutex_lock(&view_mu);
  view_ok = home;
  struct window seen_ok = latest_ok;
  int n = columns_ok;
  pthread_mutex_unlock(&view_mu);
  char line_ok[n];
  line_ok[0] = 0;

  pthread_join(t, NULL);
  return seen.left + seen_ok.left + line[0] + line_ok[0];
}
