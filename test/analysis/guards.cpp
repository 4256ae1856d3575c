// RUN: %racelint --dump-locksets %s -- -std=c++17 | FileCheck %s
// Guards acquire at construction and release at every scope exit.
#include <mutex>

std::mutex A, B;
int V;

int early(int N) {
  std::lock_guard<std::mutex> G(A);
  if (N < 0)
    return -1;
  std::scoped_lock S(B);
  return V;
}

void nested() {
  std::lock_guard<std::mutex> Outer(A);
  {
    std::unique_lock<std::mutex> Inner(B);
    V++;
  }
  V--;
}

void adopt() {
  A.lock();
  std::lock_guard<std::mutex> G(A, std::adopt_lock);
  V++;
}

// Expected engine output (reviewed by hand):
// CHECK-LABEL: function 'early'
// CHECK-NEXT: 9:31 guard-acquire A -> held {A} maybe {}
// CHECK-NEXT: 12:20 guard-acquire B -> held {A, B} maybe {}
// CHECK-NEXT: 13:10 guard-release B -> held {A} maybe {}
// CHECK-NEXT: 13:10 guard-release A -> held {} maybe {}
// CHECK-NEXT: 11:13 guard-release A -> held {} maybe {}
// CHECK-LABEL: function 'nested'
// CHECK-NEXT: 17:31 guard-acquire A -> held {A} maybe {}
// CHECK-NEXT: 19:34 guard-acquire B -> held {A, B} maybe {}
// CHECK-NEXT: 21:3 guard-release B -> held {A} maybe {}
// CHECK-NEXT: 23:1 guard-release A -> held {} maybe {}
// CHECK-LABEL: function 'adopt'
// CHECK-NEXT: 26:5 acquire A -> held {A} maybe {}
// CHECK-NEXT: 29:1 guard-release A -> held {} maybe {}
