// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// Local pointers and references bound to a mutex name that mutex.
#include <mutex>

struct Conn {
  std::mutex Mu;
  int Pending = 0;
};

std::mutex Global;
int Value;

void pointerAliasGood() {
  std::mutex *P = &Global;
  P->lock();
  Value++;
  Global.unlock();
}

void referenceAliasGood() {
  std::mutex &R = Global;
  R.lock();
  Value++;
  Global.unlock();
}

void fieldThroughAliasGood(Conn *C) {
  Conn *Same = C;
  Same->Mu.lock();
  C->Pending++;
  C->Mu.unlock();
}

void referenceToObjectGood(Conn &C) {
  Conn &Alias = C;
  std::lock_guard<std::mutex> G(Alias.Mu);
  C.Pending++;
}

void pointerAliasBad(bool Early) {
  std::mutex *P = &Global;
  P->lock();
  if (Early)
    return;
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Global' is still held when 'pointerAliasBad' returns [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-4]]:6: note: 'Global' acquired here
  Global.unlock();
}

void reboundAliasBad(std::mutex &Other) {
  std::mutex *P = &Global;
  P->lock();
  P = &Other;
  P->unlock();
  // CHECK-NOTES: :[[@LINE-1]]:6: warning: unlocking 'Other', which is not held, while holding 'Global' [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-4]]:6: note: 'Global' acquired here
}
