// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// lock_guard(m, adopt_lock) takes over a mutex already locked.
#include <mutex>

std::mutex Mu;
int Value;

void adoptGood(bool Early) {
  Mu.lock();
  std::lock_guard<std::mutex> G(Mu, std::adopt_lock);
  if (Early)
    return;
  Value++;
}

void adoptThenUnlockBad() {
  Mu.lock();
  std::lock_guard<std::mutex> G(Mu, std::adopt_lock);
  Value++;
  Mu.unlock();
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'Mu' is unlocked by hand while guard 'G' owns it; the guard unlocks it again when destroyed [racelint-lock-discipline]
}

void leakWithoutAdoptBad(bool Early) {
  Mu.lock();
  if (Early)
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Mu' is still held when 'leakWithoutAdoptBad' returns [racelint-lock-discipline]
  std::lock_guard<std::mutex> G(Mu, std::adopt_lock);
  Value++;
}
