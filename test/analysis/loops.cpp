// RUN: %racelint --dump-locksets %s -- -std=c++17 | FileCheck %s
// Loops converge: balanced bodies keep the set empty at the head, a body
// that leaks on continue makes the lock a may-hold, so the next iteration
// may lock it twice (reported once: not again as a leak at the exit).
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
// CHECK-NEXT: 12:7 acquire M -> held {M} maybe {}
// CHECK-NEXT: 14:7 release M -> held {} maybe {}
// CHECK-LABEL: function 'leakOnContinue'
// CHECK-NEXT: 20:7 acquire M -> held {M} maybe {}
// CHECK-NEXT: 23:7 release M -> held {} maybe {}
// CHECK-NEXT: 20:7 anomaly double-lock M (some paths) related 20:7
// CHECK-LABEL: function 'lockedAcross'
// CHECK-NEXT: 28:5 acquire M -> held {M} maybe {}
// CHECK-NEXT: 31:5 release M -> held {} maybe {}
