// RUN: %racelint --dump-locksets %s -- -std=c++17 | FileCheck %s
// A recursive mutex counts its depth: it stays held until the last unlock.
#include <mutex>

std::recursive_mutex R;
std::mutex M;

void depth() {
  R.lock();
  R.lock();
  R.unlock();
  R.unlock();
}

void unbalanced() {
  R.lock();
  R.lock();
  R.unlock();
}

void plain() {
  M.lock();
  M.lock();
  M.unlock();
}

// Expected engine output (reviewed by hand):
// CHECK-LABEL: function 'depth'
// CHECK-NEXT: 9:5 acquire R -> held {R} maybe {}
// CHECK-NEXT: 10:5 acquire R -> held {R} maybe {}
// CHECK-NEXT: 11:5 release R -> held {R} maybe {}
// CHECK-NEXT: 12:5 release R -> held {} maybe {}
// CHECK-LABEL: function 'unbalanced'
// CHECK-NEXT: 16:5 acquire R -> held {R} maybe {}
// CHECK-NEXT: 17:5 acquire R -> held {R} maybe {}
// CHECK-NEXT: 18:5 release R -> held {R} maybe {}
// CHECK-NEXT: 19:1 anomaly not-released R related 16:5
// CHECK-LABEL: function 'plain'
// CHECK-NEXT: 22:5 acquire M -> held {M} maybe {}
// CHECK-NEXT: 23:5 acquire M -> held {M} maybe {}
// CHECK-NEXT: 24:5 release M -> held {} maybe {}
// CHECK-NEXT: 23:5 anomaly double-lock M related 22:5
