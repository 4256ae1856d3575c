// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// A lock taken under a condition and released under the same condition is
// balanced when the condition is a local the analysis can follow.
#include <mutex>

std::mutex Mu;
int Value;

void sameParamGood(bool Sync) {
  if (Sync)
    Mu.lock();
  Value++;
  if (Sync)
    Mu.unlock();
}

void negatedGood(bool Unsync) {
  if (!Unsync)
    Mu.lock();
  Value++;
  if (!Unsync)
    Mu.unlock();
}

void flagGood(int N) {
  bool Locked = false;
  if (N > 10) {
    Mu.lock();
    Locked = true;
  }
  Value += N;
  if (Locked)
    Mu.unlock();
}

void pointerCondGood(int *P) {
  if (P)
    Mu.lock();
  Value++;
  if (P)
    Mu.unlock();
}

void differentCondBad(bool A, bool B) {
  if (A)
    Mu.lock();
  Value++;
  if (B)
    Mu.unlock();
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'Mu' is unlocked here but is not held on every path to this point [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-5]]:8: note: 'Mu' acquired here on some paths only
}
// CHECK-NOTES: :[[@LINE-1]]:1: warning: 'Mu' may still be held when 'differentCondBad' returns [racelint-lock-discipline]
// CHECK-NOTES: :[[@LINE-8]]:8: note: 'Mu' acquired here

void flagResetBad(int N) {
  bool Locked = false;
  if (N > 10) {
    Mu.lock();
    Locked = true;
  }
  Locked = false;
  Value += N;
  if (Locked)
    Mu.unlock();
}
// CHECK-NOTES: :[[@LINE-1]]:1: warning: 'Mu' may still be held when 'flagResetBad' returns [racelint-lock-discipline]
// CHECK-NOTES: :[[@LINE-9]]:8: note: 'Mu' acquired here
