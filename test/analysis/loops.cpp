// RUN: %racelint --dump-locksets %s -- -std=c++17 | FileCheck %s
// Loops converge: balanced bodies keep the set empty at the head, a body
// that leaks on continue makes the lock a may-hold.
#include <mutex>

std::mutex M;
int V[8];

void balanced() {
  for (int I = 0; I < 8; ++I) {
    M.lock();
    V[I]++;
    M.unlock();
  }
}

void leakOnContinue() {
  for (int I = 0; I < 8; ++I) {
    M.lock();
    if (V[I])
      continue;
    M.unlock();
  }
}

void lockedAcross() {
  M.lock();
  while (V[0] < 10)
    V[0]++;
  M.unlock();
}

// Expected engine output (reviewed by hand):
// CHECK-LABEL: function 'balanced'
// CHECK-NEXT: 11:7 acquire M -> held {M} maybe {}
// CHECK-NEXT: 13:7 release M -> held {} maybe {}
// CHECK-LABEL: function 'leakOnContinue'
// CHECK-NEXT: 19:7 acquire M -> held {M} maybe {}
// CHECK-NEXT: 22:7 release M -> held {} maybe {}
// CHECK-NEXT: 24:1 anomaly not-released M (some paths) related 19:7
// CHECK-LABEL: function 'lockedAcross'
// CHECK-NEXT: 27:5 acquire M -> held {M} maybe {}
// CHECK-NEXT: 30:5 release M -> held {} maybe {}
