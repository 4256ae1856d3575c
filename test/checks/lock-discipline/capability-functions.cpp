// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// Functions annotated acquire_capability return holding the lock and are
// not reported; release_capability functions release it; requires_capability
// functions run with the caller's lock.
#include <mutex>

#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define REQUIRES(...) __attribute__((requires_capability(__VA_ARGS__)))
#define NO_THREAD_SAFETY_ANALYSIS __attribute__((no_thread_safety_analysis))

std::mutex Mu;
int Value;

void lockState() ACQUIRE(Mu) { Mu.lock(); }
void unlockState() RELEASE(Mu) { Mu.unlock(); }
void bumpLocked() REQUIRES(Mu) { Value++; }
void relockLocked() REQUIRES(Mu) {
  Mu.unlock();
  Mu.lock();
}

void pairedGood() {
  lockState();
  bumpLocked();
  relockLocked();
  unlockState();
}

void unpairedBad(int N) {
  lockState();
  if (N < 0)
    return;
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Mu' is still held when 'unpairedBad' returns [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-4]]:3: note: 'Mu' acquired here
  unlockState();
}

void requiresRelockBad() REQUIRES(Mu) {
  Mu.lock();
  // CHECK-NOTES: :[[@LINE-1]]:6: warning: 'Mu' is locked again while already held; it is not recursive, so this deadlocks [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-3]]:6: note: 'Mu' is held on entry, as the function's attributes require
  Value++;
}

class Account {
public:
  void lock() ACQUIRE(Mu_) { Mu_.lock(); }
  void unlock() RELEASE(Mu_) { Mu_.unlock(); }
  void depositGood(int N) {
    lock();
    Balance_ += N;
    unlock();
  }
  int Balance_ = 0;

private:
  std::mutex Mu_;
};

void otherAccountGood(Account &A) {
  A.lock();
  A.Balance_++;
  A.unlock();
}

void otherAccountBad(Account &A) {
  A.lock();
  A.Balance_++;
}
// CHECK-NOTES: :[[@LINE-1]]:1: warning: 'A.Mu_' is still held when 'otherAccountBad' returns [racelint-lock-discipline]
// CHECK-NOTES: :[[@LINE-4]]:5: note: 'A.Mu_' acquired here

// The user says the locking here is deliberate.
void deliberateGood() NO_THREAD_SAFETY_ANALYSIS { Mu.lock(); }
