// RUN: %racelint --dump-locksets %s -- -std=c++17 | FileCheck %s
// A try-lock holds on its success edge only, whatever form the test takes.
#include <mutex>

std::mutex M;
int V;

void direct() {
  if (M.try_lock()) {
    V++;
    M.unlock();
  }
}

void stored() {
  bool Ok = M.try_lock();
  if (!Ok)
    return;
  M.unlock();
}

void failedUnlock() {
  if (!M.try_lock())
    M.unlock();
}

void guardTry() {
  std::unique_lock<std::mutex> L(M, std::try_to_lock);
  if (L.owns_lock())
    V++;
}

// Expected engine output (reviewed by hand):
// CHECK-LABEL: function 'direct'
// CHECK-NEXT: 9:9 try-acquire M -> held {} maybe {}
// CHECK-NEXT: 11:7 release M -> held {} maybe {}
// CHECK-LABEL: function 'stored'
// CHECK-NEXT: 16:15 try-acquire M -> held {} maybe {}
// CHECK-NEXT: 19:5 release M -> held {} maybe {}
// CHECK-LABEL: function 'failedUnlock'
// CHECK-NEXT: 23:10 try-acquire M -> held {} maybe {}
// CHECK-NEXT: 24:7 release M -> held {} maybe {}
// CHECK-NEXT: 25:1 anomaly not-released M related 23:10
// CHECK-NEXT: 24:7 anomaly unlock-after-failed-try M related 23:10
// CHECK-LABEL: function 'guardTry'
// CHECK-NEXT: 31:1 guard-release M -> held {} maybe {}
