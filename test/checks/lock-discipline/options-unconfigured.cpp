// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// Without configuration, unannotated wrappers are ordinary calls: nothing
// is reported about them.
struct SpinLock {
  void acquire();
  void release();
};

SpinLock Spin;
int Value;

void spinUnknownGood(int N) {
  Spin.acquire();
  if (N < 0)
    return;
  Value += N;
  Spin.release();
}
