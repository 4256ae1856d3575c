// RUN: %racelint --dump-locksets %s -- -std=c++17 | FileCheck %s
// Shared acquisitions are marked shared; releasing in the other mode is an
// anomaly.
#include <mutex>
#include <shared_mutex>

std::shared_mutex S;

void reader() {
  std::shared_lock<std::shared_mutex> L(S);
}

void manual() {
  S.lock_shared();
  S.unlock_shared();
}

void wrongMode() {
  S.lock_shared();
  S.unlock();
}

// Expected engine output (reviewed by hand):
// CHECK-LABEL: function 'reader'
// CHECK-NEXT: 10:39 guard-acquire S shared -> held {S} maybe {}
// CHECK-NEXT: 11:1 guard-release S shared -> held {} maybe {}
// CHECK-LABEL: function 'manual'
// CHECK-NEXT: 14:5 acquire S shared -> held {S} maybe {}
// CHECK-NEXT: 15:5 release S shared -> held {} maybe {}
// CHECK-LABEL: function 'wrongMode'
// CHECK-NEXT: 19:5 acquire S shared -> held {S} maybe {}
// CHECK-NEXT: 20:5 release S -> held {} maybe {}
// CHECK-NEXT: 20:5 anomaly mode-mismatch S related 19:5
