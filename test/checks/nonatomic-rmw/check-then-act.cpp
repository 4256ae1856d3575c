// RUN: %check_racelint %s racelint-nonatomic-rmw %t -- -std=c++17 -pthread
// A read decides a write of the same variable: two threads can both pass
// the check.
#include <mutex>
#include <thread>

int Slots = 4;
int SlotsLocked = 4;
std::mutex Mu;

bool acquireSlot() {
  if (Slots > 0) {
    Slots = Slots - 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: check-then-act on 'Slots' without a lock; another thread can change it between the check and the write [racelint-nonatomic-rmw]
    return true;
  }
  return false;
}

bool acquireSlotLocked() {
  std::lock_guard<std::mutex> G(Mu);
  if (SlotsLocked > 0) {
    SlotsLocked = SlotsLocked - 1;
    return true;
  }
  return false;
}

int main() {
  std::thread A(acquireSlot), B(acquireSlot), C(acquireSlotLocked),
      D(acquireSlotLocked);
  A.join();
  B.join();
  C.join();
  D.join();
  return 0;
}
