// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c11 -pthread
// C11 <threads.h>: accesses before the first thrd_create and after the last
// thrd_join are single-threaded; a thrd_join orders only the handle it
// names; threads created one after the other (create, join, create, join)
// never overlap.
#include <stddef.h>
#include <threads.h>

/* Set up before the first create, read back after the last join. */
static int grid_w, grid_h;
static long cells_done;
static int render_w;

static int paint(void *unused) {
  (void)unused;
  cells_done = (long)grid_w * grid_h;
  return 0;
}
static int paint_racy(void *unused) {
  (void)unused;
  return render_w > 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'render_w' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
}

static void setup_then_join(void) {
  grid_w = 640;
  grid_h = 480;
  thrd_t t;
  thrd_create(&t, paint, NULL);
  thrd_join(t, NULL);
  cells_done += 1;
}

static void setup_after_spawn(void) {
  thrd_t t;
  thrd_create(&t, paint_racy, NULL);
  render_w = 800;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'render_w' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  thrd_join(t, NULL);
}

/* Join of the wrong handle. */
static int idx_state;
static int cache_state;
static int noop(void *unused) { (void)unused; return 0; }
static int indexer(void *unused) {
  (void)unused;
  idx_state = 5;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'idx_state' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  return 0;
}
static int cacher(void *unused) {
  (void)unused;
  cache_state = 5;
  return 0;
}

static void joins_the_noop(void) {
  thrd_t quiet, ix;
  thrd_create(&quiet, noop, NULL);
  thrd_create(&ix, indexer, NULL);
  thrd_join(quiet, NULL);
  if (idx_state == 5)
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'idx_state' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
    thrd_join(ix, NULL);
}

static void joins_the_writer(void) {
  thrd_t quiet, cw;
  thrd_create(&quiet, noop, NULL);
  thrd_create(&cw, cacher, NULL);
  thrd_join(cw, NULL);
  if (cache_state == 5)
    cache_state = 0;
  thrd_join(quiet, NULL);
}

/* Sequential runs of one entry, and two runs that overlap. */
static int pass_no;
static int shard_no;
static int bump_pass(void *unused) {
  (void)unused;
  pass_no = pass_no + 1;
  return 0;
}
static int bump_shard(void *unused) {
  (void)unused;
  shard_no = shard_no + 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: non-atomic read-modify-write of shared 'shard_no' with no lock held [racelint-nonatomic-rmw]
  return 0;
}

static void one_after_another(void) {
  thrd_t t;
  thrd_create(&t, bump_pass, NULL);
  thrd_join(t, NULL);
  pass_no = 10;
  thrd_create(&t, bump_pass, NULL);
  thrd_join(t, NULL);
}

static void side_by_side(void) {
  thrd_t a, b;
  thrd_create(&a, bump_shard, NULL);
  thrd_create(&b, bump_shard, NULL);
  thrd_join(a, NULL);
  thrd_join(b, NULL);
}

int main(void) {
  setup_then_join();
  setup_after_spawn();
  joins_the_noop();
  joins_the_writer();
  one_after_another();
  side_by_side();
  return pass_no + shard_no + cache_state;
}
