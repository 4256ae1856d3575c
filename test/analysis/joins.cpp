// RUN: %racelint --dump-locksets %s -- -std=c++17 | FileCheck %s
// Must-hold is the intersection at joins; may-hold keeps the rest.
#include <mutex>

std::mutex A, B;
int V;
bool G;

void mayHold() {
  A.lock();
  if (G)
    B.lock();
  V++;
  A.unlock();
}

void bothBranches() {
  if (G)
    A.lock();
  else
    A.lock();
  A.unlock();
}

void releasedOnOnePath() {
  A.lock();
  if (G)
    A.unlock();
  A.unlock();
}

// Expected engine output (reviewed by hand):
// CHECK-LABEL: function 'mayHold'
// CHECK-NEXT: 10:5 acquire A -> held {A} maybe {}
// CHECK-NEXT: 12:7 acquire B -> held {A, B} maybe {}
// CHECK-NEXT: 14:5 release A -> held {} maybe {B}
// CHECK-NEXT: 15:1 anomaly not-released B (some paths) related 12:7
// CHECK-LABEL: function 'bothBranches'
// CHECK-NEXT: 21:7 acquire A -> held {A} maybe {}
// CHECK-NEXT: 19:7 acquire A -> held {A} maybe {}
// CHECK-NEXT: 22:5 release A -> held {} maybe {}
// CHECK-LABEL: function 'releasedOnOnePath'
// CHECK-NEXT: 26:5 acquire A -> held {A} maybe {}
// CHECK-NEXT: 28:7 release A -> held {} maybe {}
// CHECK-NEXT: 29:5 release A -> held {} maybe {}
// CHECK-NEXT: 29:5 anomaly not-held-on-all-paths A related 26:5
