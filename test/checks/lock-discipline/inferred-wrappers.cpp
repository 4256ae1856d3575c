// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// Unannotated member wrappers (`void lock() { mu_.lock(); }`) are inferred
// from their bodies; callers see the object's lock taken and released.
#include <mutex>

class Table {
public:
  void lock() { mu_.lock(); }
  void unlock() { mu_.unlock(); }

  void insertGood(int N) {
    lock();
    Rows += N;
    unlock();
  }

  int insertBad(int N) {
    lock();
    if (N < 0)
      return -1;
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'mu_' is still held when 'Table::insertBad' returns [racelint-lock-discipline]
    // CHECK-NOTES: :[[@LINE-4]]:5: note: 'mu_' acquired here
    Rows += N;
    unlock();
    return 0;
  }

  void twiceBad() {
    lock();
    lock();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'mu_' is locked again while already held; it is not recursive, so this deadlocks [racelint-lock-discipline]
    // CHECK-NOTES: :[[@LINE-3]]:5: note: 'mu_' first acquired here
    unlock();
  }

private:
  std::mutex mu_;
  int Rows = 0;
};

void useGood(Table &T, Table *P) {
  T.lock();
  P->lock();
  P->unlock();
  T.unlock();
}

void useBad(Table *T, bool Early) {
  T->lock();
  if (Early)
    return;
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'T->mu_' is still held when 'useBad' returns [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-4]]:6: note: 'T->mu_' acquired here
  T->unlock();
}

void mismatchBad(Table &A, Table &B) {
  A.lock();
  B.unlock();
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: unlocking 'B.mu_', which is not held, while holding 'A.mu_' [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-3]]:5: note: 'A.mu_' acquired here
}

Table Global;

void globalGood() {
  Global.lock();
  Global.unlock();
}

void globalTwiceBad() {
  Global.lock();
  Global.lock();
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'Global.mu_' is locked again while already held; it is not recursive, so this deadlocks [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-3]]:10: note: 'Global.mu_' first acquired here
  Global.unlock();
}

// No member releases Leaky's lock without taking it: a forgotten unlock.
class Leaky {
public:
  void touch() {
    mu_.lock();
    ++N;
  }
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'mu_' is still held when 'Leaky::touch' returns [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-4]]:9: note: 'mu_' acquired here

private:
  std::mutex mu_;
  int N = 0;
};

// A lock taken by an RAII guard in the wrapper is released on return: not a
// wrapper, and its callers hold nothing afterwards.
class Guarded {
public:
  void locked() { std::lock_guard<std::mutex> G(mu_); }
  void unlock() { mu_.unlock(); }
  void useGood() {
    locked();
    locked();
  }

private:
  std::mutex mu_;
};
