// RUN: %racelint --dump-locksets %s -- -std=c++17 | FileCheck %s
// A throw inside a try releases the try block's guards before the handler;
// a throw out of the function is an exit holding manual locks.
#include <mutex>

std::mutex M;
int V;

void caught() {
  try {
    std::lock_guard<std::mutex> G(M);
    if (V)
      throw 1;
  } catch (...) {
  }
  M.lock();
  M.unlock();
}

void escapes() {
  M.lock();
  if (V)
    throw 2;
  M.unlock();
}

// Expected engine output (reviewed by hand):
// CHECK-LABEL: function 'caught'
// CHECK-NEXT: 11:33 guard-acquire M -> held {M} maybe {}
// CHECK-NEXT: 14:3 guard-release M -> held {} maybe {}
// CHECK-NEXT: 16:5 acquire M -> held {M} maybe {}
// CHECK-NEXT: 17:5 release M -> held {} maybe {}
// CHECK-LABEL: function 'escapes'
// CHECK-NEXT: 21:5 acquire M -> held {M} maybe {}
// CHECK-NEXT: 24:5 release M -> held {} maybe {}
// CHECK-NEXT: 23:5 anomaly not-released M related 21:5
