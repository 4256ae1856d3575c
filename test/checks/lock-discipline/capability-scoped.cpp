// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// scoped_lockable guards release at scope exit, like std::lock_guard; their
// own constructor and destructor are not reported.
#define CAPABILITY(x) __attribute__((capability(x)))
#define SCOPED_CAPABILITY __attribute__((scoped_lockable))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define ACQUIRE_SHARED(...) __attribute__((acquire_shared_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define RELEASE_SHARED(...) __attribute__((release_shared_capability(__VA_ARGS__)))
#define RELEASE_GENERIC(...) __attribute__((release_generic_capability(__VA_ARGS__)))

class CAPABILITY("mutex") Mutex {
public:
  void Lock() ACQUIRE();
  void Unlock() RELEASE();
  void ReaderLock() ACQUIRE_SHARED();
  void ReaderUnlock() RELEASE_SHARED();
};

class SCOPED_CAPABILITY MutexLock {
public:
  explicit MutexLock(Mutex *Mu) ACQUIRE(Mu) : Mu(Mu) { Mu->Lock(); }
  ~MutexLock() RELEASE() { Mu->Unlock(); }

private:
  Mutex *Mu;
};

class SCOPED_CAPABILITY ReaderLock {
public:
  explicit ReaderLock(Mutex &Mu) ACQUIRE_SHARED(Mu) : Mu(Mu) { Mu.ReaderLock(); }
  ~ReaderLock() RELEASE_GENERIC() { Mu.ReaderUnlock(); }

private:
  Mutex &Mu;
};

Mutex Mu;
int Value;

int scopedGood(int N) {
  MutexLock L(&Mu);
  if (N < 0)
    return -1;
  Value += N;
  return Value;
}

int readerGood() {
  ReaderLock L(Mu);
  return Value;
}

void scopedThenManualBad() {
  MutexLock L(&Mu);
  Mu.Unlock();
  // CHECK-NOTES: :[[@LINE-1]]:6: warning: 'Mu' is unlocked by hand while guard 'L' owns it; the guard unlocks it again when destroyed [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-3]]:13: note: 'Mu' acquired by the guard here
}

void nestedSameBad() {
  MutexLock A(&Mu);
  MutexLock B(&Mu);
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'Mu' is locked again while already held; it is not recursive, so this deadlocks [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-3]]:13: note: 'Mu' first acquired here
}
