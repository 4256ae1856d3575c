// RUN: %racelint --dump-locksets %s -- -std=c++17 | FileCheck %s
// A moved unique_lock hands its mutex to the destination; release() hands
// it to the code.
#include <mutex>
#include <utility>

std::mutex M;
void sink(std::unique_lock<std::mutex> L);

void moveConstruct() {
  std::unique_lock<std::mutex> A(M);
  std::unique_lock<std::mutex> B(std::move(A));
}

void moveAway() {
  std::unique_lock<std::mutex> A(M);
  sink(std::move(A));
}

void released() {
  std::unique_lock<std::mutex> A(M);
  std::mutex *P = A.release();
  P->unlock();
}

// Expected engine output (reviewed by hand):
// CHECK-LABEL: function 'moveConstruct'
// CHECK-NEXT: 11:32 guard-acquire M -> held {M} maybe {}
// CHECK-NEXT: 13:1 guard-release M -> held {} maybe {}
// CHECK-LABEL: function 'moveAway'
// CHECK-NEXT: 16:32 guard-acquire M -> held {M} maybe {}
// CHECK-NEXT: function 'released'
// CHECK-NEXT: 21:32 guard-acquire M -> held {M} maybe {}
// CHECK-NEXT: 23:6 release M -> held {} maybe {}
