// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -pthread
// A check whose branch leaves the block (`if (!x) return; x = 0;`) decides
// the rest of the block as much as an `if` around it does: the write after
// it is a check-then-act. A builtin atomic operation on the same storage is
// never the racy side of such a race; the plain accesses it meets are.
#include <pthread.h>

struct inbox {
  int pending;
  long handled;
};
static struct inbox box;

static void *raise_box(void *arg) {
  for (int i = 0; i < 1000; i++)
    __sync_fetch_and_or(&box.pending, 1);
  return arg;
}

static int drain_box(struct inbox *b) {
  if (!b->pending)
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'b->pending' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
    return 0;
  b->pending = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: check-then-act on 'b->pending' without a lock; another thread can change it between the check and the write [racelint-nonatomic-rmw]
  return 1;
}

/* Silent: the same box drained with one atomic exchange. */
static struct inbox abox;

static void *raise_abox(void *arg) {
  for (int i = 0; i < 1000; i++)
    __sync_fetch_and_or(&abox.pending, 1);
  return arg;
}

static int drain_abox(struct inbox *b) {
  if (!__sync_lock_test_and_set(&b->pending, 0))
    return 0;
  return 1;
}

/* Silent: checked and cleared under the lock the raisers take. */
static struct inbox lbox;
static pthread_mutex_t lbox_lock = PTHREAD_MUTEX_INITIALIZER;

static void *raise_lbox(void *arg) {
  for (int i = 0; i < 1000; i++) {
    pthread_mutex_lock(&lbox_lock);
    lbox.pending = 1;
    pthread_mutex_unlock(&lbox_lock);
  }
  return arg;
}

static int drain_lbox(void) {
  pthread_mutex_lock(&lbox_lock);
  if (!lbox.pending) {
    pthread_mutex_unlock(&lbox_lock);
    return 0;
  }
  lbox.pending = 0;
  pthread_mutex_unlock(&lbox_lock);
  return 1;
}

int main(void) {
  pthread_t t[3];
  pthread_create(&t[0], 0, raise_box, 0);
  pthread_create(&t[1], 0, raise_abox, 0);
  pthread_create(&t[2], 0, raise_lbox, 0);
  for (int i = 0; i < 100; i++) {
    drain_box(&box);
    drain_abox(&abox);
    drain_lbox();
  }
  for (int i = 0; i < 3; i++)
    pthread_join(t[i], 0);
  return 0;
}
