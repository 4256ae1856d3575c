// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// goto out of a locked region: the common "goto cleanup" idiom must unlock
// at the label.
#include <mutex>

std::mutex Mu;
int Value;

int gotoBad(int N) {
  Mu.lock();
  if (N < 0)
    goto out;
  Value += N;
  Mu.unlock();
out:
  return Value;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'Mu' may still be held when 'gotoBad' returns [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-8]]:6: note: 'Mu' acquired here
}

int gotoCleanupGood(int N) {
  int Rc = 0;
  Mu.lock();
  if (N < 0) {
    Rc = -1;
    goto out;
  }
  Value += N;
out:
  Mu.unlock();
  return Rc;
}

int gotoOutOfGuardScopeGood(int N) {
  {
    std::lock_guard<std::mutex> G(Mu);
    if (N < 0)
      goto done;
    Value += N;
  }
done:
  return Value;
}
