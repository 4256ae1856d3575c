// RUN: %check_racelint %s racelint-nonatomic-rmw %t -- -std=c++17
// On a std::atomic, a = a op n is a load and a store; the fix-it makes it
// one atomic operation (a op= n). Each defect is followed by its twin.
#include <atomic>

std::atomic<int> Requests;
std::atomic<unsigned> Flags;
std::atomic<double> Load;
std::atomic<long> Budget;
std::atomic<bool> Healthy;

void onRequest(int N) {
  // Case 1: +.
  Requests = Requests + N;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Requests' is updated by an atomic load and a separate atomic store; another thread's update in between is lost [racelint-nonatomic-rmw]
  // CHECK-FIXES: {{^}}  Requests += N;{{$}}
  // Twin.
  Requests += N;
  // Case 2: | with the operands swapped.
  Flags = 4u | Flags;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Flags' is updated by an atomic load and a separate atomic store; another thread's update in between is lost [racelint-nonatomic-rmw]
  // CHECK-FIXES: {{^}}  Flags |= 4u;{{$}}
  // Twin.
  Flags |= 8u;
  // Case 3: & and ^.
  Flags = Flags & ~1u;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Flags' is updated by an atomic load and a separate atomic store; another thread's update in between is lost [racelint-nonatomic-rmw]
  // CHECK-FIXES: {{^}}  Flags &= ~1u;{{$}}
  Flags = Flags ^ 2u;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Flags' is updated by an atomic load and a separate atomic store; another thread's update in between is lost [racelint-nonatomic-rmw]
  // CHECK-FIXES: {{^}}  Flags ^= 2u;{{$}}
  // Twins.
  Flags.fetch_and(~1u);
  Flags ^= 2u;
  // Case 4: - is not commutative: `N - a` has no one-step form.
  Budget = Budget - N;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Budget' is updated by an atomic load and a separate atomic store; another thread's update in between is lost [racelint-nonatomic-rmw]
  // CHECK-FIXES: {{^}}  Budget -= N;{{$}}
  Budget = 100 - Budget;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Budget' is updated by an atomic load and a separate atomic store; another thread's update in between is lost [racelint-nonatomic-rmw]
  // CHECK-FIXES: {{^}}  Budget = 100 - Budget;{{$}}
  // Twin.
  Budget.fetch_sub(N);
  // Twin: storing a value that does not come from the atomic itself.
  Budget = N * 2;
  Requests = static_cast<int>(Budget.load());
}

void onLoad(double D) {
  // Case 5: no fetch_add for atomic<double> before C++20: a note instead
  // of a fix.
  Load = Load + D;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Load' is updated by an atomic load and a separate atomic store; another thread's update in between is lost [racelint-nonatomic-rmw]
  // CHECK-FIXES: {{^}}  Load = Load + D;{{$}}
  // Twin: a compare-exchange loop.
  double Old = Load.load();
  while (!Load.compare_exchange_weak(Old, Old + D)) {
  }
  // Case 6: a boolean combined with itself.
  Healthy = Healthy && D < 1.0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Healthy' is updated by an atomic load and a separate atomic store; another thread's update in between is lost [racelint-nonatomic-rmw]
  // Twin: a plain store.
  Healthy = D < 1.0;
}

// Case 7: a member atomic.
class Meter {
public:
  void add(int N) {
    Total_ = Total_ + N;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Total_' is updated by an atomic load and a separate atomic store; another thread's update in between is lost [racelint-nonatomic-rmw]
    // CHECK-FIXES: {{^}}    Total_ += N;{{$}}
  }
  // Twin.
  void addOk(int N) { Total_ += N; }

private:
  std::atomic<long> Total_{0};
};
