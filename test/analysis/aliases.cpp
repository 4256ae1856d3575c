// RUN: %racelint --dump-locksets %s -- -std=c++17 | FileCheck %s
// Locks reached through local pointers and references are named by what
// they are bound to; std::lock over guards locks the guards' mutexes.
#include <mutex>

struct Conn {
  std::mutex Mu;
};
std::mutex A, B;

void pointer(Conn *C) {
  std::mutex *P = &A;
  P->lock();
  Conn *D = C;
  D->Mu.lock();
  C->Mu.unlock();
  A.unlock();
}

void reference() {
  std::mutex &R = B;
  R.lock();
  B.unlock();
}

void stdLockGuards() {
  std::unique_lock<std::mutex> LA(A, std::defer_lock), LB(B, std::defer_lock);
  std::lock(LA, LB);
}

// Expected engine output (reviewed by hand):
// CHECK-LABEL: function 'pointer'
// CHECK-NEXT: 13:6 acquire A -> held {A} maybe {}
// CHECK-NEXT: 15:9 acquire C->Mu -> held {A, C->Mu} maybe {}
// CHECK-NEXT: 16:9 release C->Mu -> held {A} maybe {}
// CHECK-NEXT: 17:5 release A -> held {} maybe {}
// CHECK-LABEL: function 'reference'
// CHECK-NEXT: 22:5 acquire B -> held {B} maybe {}
// CHECK-NEXT: 23:5 release B -> held {} maybe {}
// CHECK-LABEL: function 'stdLockGuards'
// CHECK-NEXT: 28:3 guard-acquire A -> held {A} maybe {}
// CHECK-NEXT: 28:3 guard-acquire B -> held {A, B} maybe {}
// CHECK-NEXT: 29:1 guard-release B -> held {A} maybe {}
// CHECK-NEXT: 29:1 guard-release A -> held {} maybe {}
