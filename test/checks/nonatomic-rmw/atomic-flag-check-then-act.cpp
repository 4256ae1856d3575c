// RUN: %check_racelint %s racelint-nonatomic-rmw %t -- -std=c++17
// Check-then-act on an atomic lets two threads in; exchange() and
// compare_exchange_strong() test and store in one step. Only the exact
// `if (!f) { f = true; ... }` shape is rewritten automatically; the others
// get a note with the one-step form. Each defect is followed by its twin.
#include <atomic>

std::atomic<bool> Started;
std::atomic<bool> Stopping;
std::atomic<bool> Dirty;
std::atomic<int> State;
enum class Mode { Idle, Running, Done };
std::atomic<Mode> Phase;

void launch();

void startOnce() {
  // Case 1: the exact shape: automatic edit.
  if (!Started) {
    Started = true;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: check-then-act on atomic 'Started': another thread can act between the check and the store [racelint-nonatomic-rmw]
    // CHECK-NOTES: :[[@LINE-3]]:7: note: checked here
    // CHECK-FIXES: {{^}}  if (!Started.exchange(true)) {{{$}}
    // CHECK-FIXES-NOT: Started = true;
    launch();
  }
}

// Twin.
void startOnceSafe() {
  if (!Started.exchange(true))
    launch();
}

void stopOnce() {
  // Case 2: the store is not the branch's first statement: a note only.
  if (!Stopping.load()) {
    launch();
    Stopping.store(true);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: check-then-act on atomic 'Stopping': another thread can act between the check and the store [racelint-nonatomic-rmw]
    // CHECK-NOTES: :[[@LINE-4]]:7: note: checked here
    // CHECK-NOTES: :[[@LINE-3]]:5: note: test and set in one step: 'if (!Stopping.exchange(true))'
  }
}

// Twin.
void stopOnceSafe() {
  if (!Stopping.exchange(true))
    launch();
}

void flush() {
  // Case 3: clearing a flag that was seen set.
  if (Dirty)
    Dirty = false;
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: check-then-act on atomic 'Dirty': another thread can act between the check and the store [racelint-nonatomic-rmw]
  // CHECK-NOTES: :[[@LINE-3]]:7: note: checked here
  // CHECK-NOTES: :[[@LINE-3]]:5: note: test and set in one step: 'if (Dirty.exchange(false))'
  // Twin.
  if (Dirty.exchange(false))
    launch();
}

void transition() {
  // Case 4: an integer state: compare_exchange_strong.
  if (State.load() == 0)
    State.store(1);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: check-then-act on atomic 'State': another thread can act between the check and the store [racelint-nonatomic-rmw]
  // CHECK-NOTES: :[[@LINE-3]]:7: note: checked here
  // CHECK-NOTES: :[[@LINE-3]]:5: note: test and store in one step: 'int Expected = 0; if (State.compare_exchange_strong(Expected, 1))'
  // Twin.
  int Expected = 0;
  State.compare_exchange_strong(Expected, 1);
}

void run() {
  // Case 5: an enum state, value on the left.
  if (Mode::Idle == Phase)
    Phase = Mode::Running;
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: check-then-act on atomic 'Phase': another thread can act between the check and the store [racelint-nonatomic-rmw]
  // CHECK-NOTES: :[[@LINE-3]]:7: note: checked here
  // CHECK-NOTES: :[[@LINE-3]]:5: note: test and store in one step: 'Mode Expected = Mode::Idle; if (Phase.compare_exchange_strong(Expected, Mode::Running))'
  // Twin.
  Mode Want = Mode::Idle;
  Phase.compare_exchange_strong(Want, Mode::Running, std::memory_order_acq_rel);
}

void finish() {
  // Case 6: a range check has no one-step form: the generic note.
  if (State.load() > 0)
    State.store(-1);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: check-then-act on atomic 'State': another thread can act between the check and the store [racelint-nonatomic-rmw]
  // CHECK-NOTES: :[[@LINE-3]]:7: note: checked here
  // CHECK-NOTES: :[[@LINE-3]]:5: note: test and set in one step with exchange() or compare_exchange_strong()
  // Twin: a compare-exchange loop.
  int Cur = State.load();
  while (Cur > 0 && !State.compare_exchange_weak(Cur, -1)) {
  }
  // Twin: the branch stores into another atomic.
  if (State.load() > 0)
    Dirty = true;
}
