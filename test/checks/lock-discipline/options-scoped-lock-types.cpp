// RUN: %check_racelint --config='{CheckOptions: {racelint-lock-discipline.LockFunctions: "SpinLock::acquire", racelint-lock-discipline.UnlockFunctions: "SpinLock::release", racelint-lock-discipline.ScopedLockTypes: "Hold"}}' %s racelint-lock-discipline %t -- -std=c++17
// A type named in ScopedLockTypes locks its first constructor argument and
// unlocks it in its destructor; its own members are not reported.
struct SpinLock {
  void acquire();
  void release();
};

class Hold {
public:
  explicit Hold(SpinLock &S) : S(S) { S.acquire(); }
  ~Hold() { S.release(); }

private:
  SpinLock &S;
};

SpinLock Spin;
int Value;

int holdGood(int N) {
  Hold H(Spin);
  if (N < 0)
    return -1;
  Value += N;
  return Value;
}

void holdThenAcquireBad() {
  Hold H(Spin);
  Spin.acquire();
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'Spin' is locked again while already held; it is not recursive, so this deadlocks [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-3]]:8: note: 'Spin' first acquired here
}

void holdThenReleaseBad() {
  Hold H(Spin);
  Spin.release();
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'Spin' is unlocked by hand while guard 'H' owns it; the guard unlocks it again when destroyed [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-3]]:8: note: 'Spin' acquired by the guard here
}
