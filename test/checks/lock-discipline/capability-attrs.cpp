// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// A user mutex type annotated with Clang's capability attributes is
// understood without configuration.
#define CAPABILITY(x) __attribute__((capability(x)))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define ACQUIRE_SHARED(...) __attribute__((acquire_shared_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define RELEASE_SHARED(...) __attribute__((release_shared_capability(__VA_ARGS__)))

class CAPABILITY("mutex") Mutex {
public:
  void Lock() ACQUIRE();
  void Unlock() RELEASE();
  void ReaderLock() ACQUIRE_SHARED();
  void ReaderUnlock() RELEASE_SHARED();
};

Mutex Mu;
int Value;

void lockGood() {
  Mu.Lock();
  Value++;
  Mu.Unlock();
}

void leakBad(int N) {
  Mu.Lock();
  if (N < 0)
    return;
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Mu' is still held when 'leakBad' returns [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-4]]:6: note: 'Mu' acquired here
  Value += N;
  Mu.Unlock();
}

void doubleLockBad() {
  Mu.Lock();
  Mu.Lock();
  // CHECK-NOTES: :[[@LINE-1]]:6: warning: 'Mu' is locked again while already held; it is not recursive, so this deadlocks [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-3]]:6: note: 'Mu' first acquired here
  Mu.Unlock();
}

int readerGood() {
  Mu.ReaderLock();
  int V = Value;
  Mu.ReaderUnlock();
  return V;
}

int readerWrongUnlockBad() {
  Mu.ReaderLock();
  int V = Value;
  Mu.Unlock();
  // CHECK-NOTES: :[[@LINE-1]]:6: warning: 'Mu' is held in shared mode but released with the exclusive unlock [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-4]]:6: note: 'Mu' acquired here
  return V;
}

void throughPointerGood(Mutex *M) {
  M->Lock();
  Value++;
  M->Unlock();
}
