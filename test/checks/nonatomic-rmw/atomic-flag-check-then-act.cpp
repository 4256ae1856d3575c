// RUN: %check_racelint %s racelint-nonatomic-rmw %t -- -std=c++17
// if (!f) { f = true; ... } lets two threads in; exchange() does not.
#include <atomic>

std::atomic<bool> Started;
std::atomic<int> State;

void startOnce() {
  if (!Started) {
    Started = true;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: check-then-act on atomic 'Started': another thread can act between the check and the store [racelint-nonatomic-rmw]
    // CHECK-FIXES: {{^}}  if (!Started.exchange(true)) {{{$}}
    // CHECK-FIXES-NOT: Started = true;
    // launch
  }
}

void transition() {
  if (State.load() == 0)
    State.store(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: check-then-act on atomic 'State': another thread can act between the check and the store [racelint-nonatomic-rmw]
}

void startOnceSafe() {
  if (!Started.exchange(true)) {
    // launch
  }
  int Expected = 0;
  State.compare_exchange_strong(Expected, 1);
}
