// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c11 -pthread
// C11 threads: thrd_create's argument is the entry's first parameter, so
// the entry and its spawner touch the same heap block or global.
// Unlocked on both sides, the accesses race; the twins hold one mtx_t on
// both sides, or touch the storage only after thrd_join.
#include <stdlib.h>
#include <threads.h>

struct frame {
  int width;
  int height;
  int checksum;
};

static mtx_t frame_mu;
static struct frame shown;

static int render(void *arg) {
  struct frame *f = arg;
  f->width = 640;
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'f->width' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  mtx_lock(&frame_mu);
  f->height = 480;
  mtx_unlock(&frame_mu);
  f->checksum = 7;
  return 0;
}

static int on_heap(void) {
  struct frame *f = calloc(1, sizeof *f);
  thrd_t t;
  thrd_create(&t, render, f);
  int w = f->width;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'f->width' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
  mtx_lock(&frame_mu);
  int h = f->height;
  mtx_unlock(&frame_mu);
  thrd_join(t, NULL);
  int c = f->checksum;
  free(f);
  return w + h + c;
}

static int on_global(void) {
  thrd_t t;
  thrd_create(&t, render, &shown);
  int w = shown.width;
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'shown.width' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
  mtx_lock(&frame_mu);
  int h = shown.height;
  mtx_unlock(&frame_mu);
  thrd_join(t, NULL);
  return w + h + shown.checksum;
}

int main(void) {
  mtx_init(&frame_mu, mtx_plain);
  return on_heap() + on_global();
}
