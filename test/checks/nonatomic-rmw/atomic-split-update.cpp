// RUN: %check_racelint %s racelint-nonatomic-rmw %t -- -std=c++17
// On a std::atomic, a = a + n is a load and a store; the fix-it makes it
// one atomic operation.
#include <atomic>

std::atomic<int> Requests;
std::atomic<unsigned> Flags;
std::atomic<double> Load;

void onRequest(int N) {
  Requests = Requests + N;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Requests' is updated by an atomic load and a separate atomic store; another thread's update in between is lost [racelint-nonatomic-rmw]
  // CHECK-FIXES: {{^}}  Requests += N;{{$}}
  Flags = 4u | Flags;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Flags' is updated by an atomic load and a separate atomic store; another thread's update in between is lost [racelint-nonatomic-rmw]
  // CHECK-FIXES: {{^}}  Flags |= 4u;{{$}}
  Requests += N;
  Requests.fetch_sub(1);
}

void onLoad(double D) {
  // No fetch_add for atomic<double> before C++20: a note instead of a fix.
  Load = Load + D;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Load' is updated by an atomic load and a separate atomic store; another thread's update in between is lost [racelint-nonatomic-rmw]
}
