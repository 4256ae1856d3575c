// RUN: %check_racelint --config='{CheckOptions: {racelint-lock-discipline.LockFunctions: "SpinLock::acquire;lockAll", racelint-lock-discipline.UnlockFunctions: "SpinLock::release;unlockAll"}}' %s racelint-lock-discipline %t -- -std=c++17
// Unannotated wrappers named in LockFunctions/UnlockFunctions are lock
// operations at their call sites, and may themselves return holding.
struct SpinLock {
  void acquire();
  void release();
  int Flag = 0;
};

SpinLock Spin;
int Value;

void lockAll(SpinLock *S) { S->acquire(); }
void unlockAll(SpinLock *S) { S->release(); }

void spinGood() {
  Spin.acquire();
  Value++;
  Spin.release();
}

void spinBad(int N) {
  Spin.acquire();
  if (N < 0)
    return;
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Spin' is still held when 'spinBad' returns [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-4]]:8: note: 'Spin' acquired here
  Value += N;
  Spin.release();
}

void wrapperGood() {
  lockAll(&Spin);
  Value++;
  unlockAll(&Spin);
}

void wrapperTwiceBad() {
  lockAll(&Spin);
  lockAll(&Spin);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'Spin' is locked again while already held; it is not recursive, so this deadlocks [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: 'Spin' first acquired here
  unlockAll(&Spin);
}
