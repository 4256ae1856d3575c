// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// A try_lock result kept in a local decides the lock state where the local
// is tested, however far from the call.
#include <mutex>

std::mutex Mu;
int Value;

void storedGood() {
  bool Locked = Mu.try_lock();
  Value++;
  if (Locked)
    Mu.unlock();
}

void storedAssignedGood() {
  bool Locked;
  Locked = Mu.try_lock();
  if (!Locked)
    return;
  Value++;
  Mu.unlock();
}

void uncheckedBad() {
  bool Locked = Mu.try_lock();
  Value++;
  Mu.unlock();
  // CHECK-NOTES: :[[@LINE-1]]:6: warning: 'Mu' is unlocked here but is not held on every path to this point [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-4]]:20: note: 'Mu' acquired here on some paths only
  (void)Locked;
}

void wrongBranchBad() {
  bool Locked = Mu.try_lock();
  if (!Locked) {
    Mu.unlock();
    // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'Mu' is unlocked on a path where its try-lock failed [racelint-lock-discipline]
    // CHECK-NOTES: :[[@LINE-4]]:20: note: try-lock of 'Mu' here; on failure it is not held
  }
}
// CHECK-NOTES: :[[@LINE-1]]:1: warning: 'Mu' is still held when 'wrongBranchBad' returns [racelint-lock-discipline]
// CHECK-NOTES: :[[@LINE-8]]:20: note: 'Mu' acquired here
