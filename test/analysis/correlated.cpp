// RUN: %racelint --dump-locksets %s -- -std=c++17 | FileCheck %s
// A lock held exactly when a local has a value is resolved where the local
// is tested again.
#include <mutex>

std::mutex M;
int V;

void param(bool C) {
  if (C)
    M.lock();
  V++;
  if (C)
    M.unlock();
}

void flag() {
  bool Locked = false;
  if (V) {
    M.lock();
    Locked = true;
  }
  if (Locked)
    M.unlock();
}

void contradiction() {
  bool Locked = false;
  if (V)
    M.lock();
  if (Locked)
    M.unlock();
}

// Expected engine output (reviewed by hand):
// CHECK-LABEL: function 'param'
// CHECK-NEXT: 11:7 acquire M -> held {M} maybe {}
// CHECK-NEXT: 14:7 release M -> held {} maybe {}
// CHECK-LABEL: function 'flag'
// CHECK-NEXT: 20:7 acquire M -> held {M} maybe {}
// CHECK-NEXT: 24:7 release M -> held {} maybe {}
// CHECK-LABEL: function 'contradiction'
// CHECK-NEXT: 30:7 acquire M -> held {M} maybe {}
// CHECK-NEXT: 33:1 anomaly not-released M (some paths) related 30:7
