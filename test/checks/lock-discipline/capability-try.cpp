// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// try_acquire_capability(true) and (false) say which result means success.
#define CAPABILITY(x) __attribute__((capability(x)))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define TRY_ACQUIRE(...) __attribute__((try_acquire_capability(__VA_ARGS__)))

class CAPABILITY("mutex") Mutex {
public:
  void Lock() ACQUIRE();
  void Unlock() RELEASE();
  bool TryLock() TRY_ACQUIRE(true);
  int TryLockErrno() TRY_ACQUIRE(0);
};

Mutex Mu;
int Value;

void tryGood() {
  if (Mu.TryLock()) {
    Value++;
    Mu.Unlock();
  }
}

void tryFailedUnlockBad() {
  if (!Mu.TryLock())
    Mu.Unlock();
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'Mu' is unlocked on a path where its try-lock failed [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-3]]:11: note: try-lock of 'Mu' here; on failure it is not held
}
// CHECK-NOTES: :[[@LINE-1]]:1: warning: 'Mu' is still held when 'tryFailedUnlockBad' returns [racelint-lock-discipline]
// CHECK-NOTES: :[[@LINE-6]]:11: note: 'Mu' acquired here

void tryErrnoGood() {
  if (Mu.TryLockErrno() != 0)
    return;
  Value++;
  Mu.Unlock();
}

void tryErrnoInvertedBad() {
  if (Mu.TryLockErrno()) {
    Value++;
    Mu.Unlock();
    // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'Mu' is unlocked on a path where its try-lock failed [racelint-lock-discipline]
    // CHECK-NOTES: :[[@LINE-4]]:10: note: try-lock of 'Mu' here; on failure it is not held
  }
}
// CHECK-NOTES: :[[@LINE-1]]:1: warning: 'Mu' is still held when 'tryErrnoInvertedBad' returns [racelint-lock-discipline]
// CHECK-NOTES: :[[@LINE-8]]:10: note: 'Mu' acquired here
