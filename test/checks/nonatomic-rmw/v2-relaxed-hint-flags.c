// RUN: %check_racelint %s racelint-nonatomic-rmw %t -- -std=c11
// A sticky hint: checked with an explicitly relaxed load, set to a
// constant with an explicitly relaxed store. Every racer stores the same
// value and the author asked for no ordering: not a once-only step (that
// would have to publish what it did, and relaxed does not). The same
// shapes with a default (sequentially consistent) order, or storing a
// computed value, are check-then-act.
#include <errno.h>
#include <stdatomic.h>

int fast_stat(const char *p);
int slow_stat(const char *p);

static atomic_int no_fast_stat;
int portable_stat(const char *p) {
  if (atomic_load_explicit(&no_fast_stat, memory_order_relaxed) == 0) {
    int r = fast_stat(p);
    if (r >= 0 || errno != ENOSYS)
      return r;
    atomic_store_explicit(&no_fast_stat, 1, memory_order_relaxed);
  }
  return slow_stat(p);
}

// Default orders: a once-only initialisation raced by two threads.
static atomic_int tables_ready;
void build_tables(void);
void ensure_tables(void) {
  if (atomic_load(&tables_ready) == 0) {
    build_tables();
    atomic_store(&tables_ready, 1);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: check-then-act on atomic 'tables_ready': another thread can act between the check and the store [racelint-nonatomic-rmw]
  }
}

// Relaxed, but the stored value is computed from the check's moment.
static atomic_int high_water;
void note_depth(int depth) {
  if (atomic_load_explicit(&high_water, memory_order_relaxed) < depth)
    atomic_store_explicit(&high_water, depth, memory_order_relaxed);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: check-then-act on atomic 'high_water': another thread can act between the check and the store [racelint-nonatomic-rmw]
}

// Relaxed check, but a releasing store: the code publishes something.
static atomic_int config_loaded;
void load_config(void);
void ensure_config(void) {
  if (atomic_load_explicit(&config_loaded, memory_order_relaxed) == 0) {
    load_config();
    atomic_store_explicit(&config_loaded, 1, memory_order_release);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: check-then-act on atomic 'config_loaded': another thread can act between the check and the store [racelint-nonatomic-rmw]
  }
}
