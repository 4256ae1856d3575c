// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c11 -pthread
// A field updated with __sync builtins or __atomic builtins on one path is
// shared between threads; reading or clearing it with plain loads and
// stores elsewhere races with those updates. The twins use the builtins on
// every path.
#include <pthread.h>
#include <stddef.h>

struct wakeup {
  int pending;        /* __sync on one side, plain on the other */
  int pending_ok;     /* __sync everywhere */
  unsigned seen;      /* __atomic on one side, plain on the other */
  unsigned seen_ok;   /* __atomic everywhere */
};

static struct wakeup box;

static void *notifier(void *arg) {
  struct wakeup *w = arg;
  for (int i = 0; i < 100; ++i) {
    __sync_fetch_and_add(&w->pending, 1);
    __sync_fetch_and_add(&w->pending_ok, 1);
    __atomic_fetch_add(&w->seen, 1u, __ATOMIC_RELAXED);
    __atomic_fetch_add(&w->seen_ok, 1u, __ATOMIC_RELAXED);
  }
  return NULL;
}

static int drain(struct wakeup *w) {
  if (w->pending == 0)
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'w->pending' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
    return 0;
  w->pending = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: check-then-act on 'w->pending' without a lock; another thread can change it between the check and the write [racelint-nonatomic-rmw]
  int n = __sync_lock_test_and_set(&w->pending_ok, 0);
  unsigned s = w->seen;
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'w->seen' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
  unsigned s_ok = __atomic_load_n(&w->seen_ok, __ATOMIC_ACQUIRE);
  return n + (int)s + (int)s_ok;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, notifier, &box);
  int total = 0;
  for (int i = 0; i < 10; ++i)
    total += drain(&box);
  pthread_join(t, NULL);
  return total;
}
