// RUN: %check_racelint %s racelint-nonatomic-rmw %t -- -std=c11 -pthread
// C11 _Atomic and <stdatomic.h>: every access is atomic, the sequence is
// not. C11 threads start the workers. Each defect is followed by its twin.
#include <stdatomic.h>
#include <stdbool.h>
#include <threads.h>

_Atomic long packets;
_Atomic long packets_ok;
_Atomic unsigned mask;
_Atomic double load_avg;
atomic_long bytes;
atomic_long bytes_ok;
_Atomic int state;
_Atomic int state_ok;
_Atomic bool started;
_Atomic bool started_ok;

void count(long n) {
  // Case 1: a = a + n on an _Atomic integer; fix-it: a += n.
  packets = packets + n;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'packets' is updated by an atomic load and a separate atomic store; another thread's update in between is lost [racelint-nonatomic-rmw]
  // CHECK-FIXES: {{^}}  packets += n;{{$}}
  // Twin: compound assignment on an _Atomic is one atomic operation.
  packets_ok += n;
  // Case 2: the same with a bitwise operator, operands swapped.
  mask = 0x4u | mask;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'mask' is updated by an atomic load and a separate atomic store; another thread's update in between is lost [racelint-nonatomic-rmw]
  // CHECK-FIXES: {{^}}  mask |= 0x4u;{{$}}
  // Twin.
  atomic_fetch_or(&mask, 0x8u);
}

void average(double d) {
  // Case 3: no compound assignment to trust for a floating atomic in a
  // fix-it; a note only.
  load_avg = load_avg * 0.5 + d;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'load_avg' is updated by an atomic load and a separate atomic store; another thread's update in between is lost [racelint-nonatomic-rmw]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: use one atomic operation such as compare_exchange_weak in a loop
}

void transfer(long n) {
  // Case 4: atomic_store(&a, atomic_load(&a) + n); the note names
  // atomic_fetch_add.
  atomic_store(&bytes, atomic_load(&bytes) + n);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'bytes' is stored from its own earlier load; another thread's update in between is lost [racelint-nonatomic-rmw]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: update in one step: 'atomic_fetch_add(&bytes, n)'
  // Twin.
  atomic_fetch_add(&bytes_ok, n);
  // Case 5: the explicit forms.
  atomic_store_explicit(&bytes, atomic_load_explicit(&bytes, memory_order_relaxed) - n,
                        memory_order_relaxed);
  // CHECK-NOTES: :[[@LINE-2]]:3: warning: 'bytes' is stored from its own earlier load; another thread's update in between is lost [racelint-nonatomic-rmw]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: update in one step: 'atomic_fetch_sub(&bytes, n)'
  // Twin.
  atomic_fetch_sub_explicit(&bytes_ok, n, memory_order_relaxed);
}

void advance(void) {
  // Case 6: check-then-act with atomic_load / atomic_store.
  if (atomic_load(&state) == 0)
    atomic_store(&state, 1);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: check-then-act on atomic 'state': another thread can act between the check and the store [racelint-nonatomic-rmw]
  // CHECK-NOTES: :[[@LINE-3]]:7: note: checked here
  // CHECK-NOTES: :[[@LINE-3]]:5: note: test and store in one step: 'int expected = 0; if (atomic_compare_exchange_strong(&state, &expected, 1))'
  // Twin: compare-exchange.
  int expected = 0;
  atomic_compare_exchange_strong(&state_ok, &expected, 1);
  // Case 7: check-then-act with plain _Atomic reads and writes.
  if (state == 1)
    state = 2;
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: check-then-act on atomic 'state': another thread can act between the check and the store [racelint-nonatomic-rmw]
  // CHECK-NOTES: :[[@LINE-3]]:7: note: checked here
  // CHECK-NOTES: :[[@LINE-3]]:5: note: test and store in one step: 'int expected = 1; if (atomic_compare_exchange_strong(&state, &expected, 2))'
}

int start(void) {
  // Case 8: a flag tested and set in two steps.
  if (!started) {
    started = true;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: check-then-act on atomic 'started': another thread can act between the check and the store [racelint-nonatomic-rmw]
    // CHECK-NOTES: :[[@LINE-3]]:7: note: checked here
    // The one-step note for a C bool flag is the generic one (LIMIT: the
    // stored value is converted to _Atomic(_Bool) and not evaluated).
    // CHECK-NOTES: :[[@LINE-5]]:5: note: test and set in one step with atomic_exchange() or atomic_compare_exchange_strong()
    return 1;
  }
  // Twin: atomic_exchange.
  if (!atomic_exchange(&started_ok, true))
    return 1;
  return 0;
}

static int worker(void *arg) {
  (void)arg;
  count(1);
  average(1.0);
  transfer(2);
  advance();
  return start();
}

int main(void) {
  thrd_t t[2];
  for (int i = 0; i < 2; ++i)
    thrd_create(&t[i], worker, 0);
  for (int i = 0; i < 2; ++i)
    thrd_join(t[i], 0);
  return 0;
}
