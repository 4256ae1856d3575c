// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// An early return leaves the mutex locked; the guarded twin releases it.
#include <mutex>

std::mutex Mu;
int Balance;

bool withdrawBad(int Amount) {
  Mu.lock();
  if (Balance < Amount)
    return false;
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'Mu' is still held when 'withdrawBad' returns [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-4]]:6: note: 'Mu' acquired here
  Balance -= Amount;
  Mu.unlock();
  return true;
}

bool withdrawGood(int Amount) {
  Mu.lock();
  if (Balance < Amount) {
    Mu.unlock();
    return false;
  }
  Balance -= Amount;
  Mu.unlock();
  return true;
}

bool withdrawGuarded(int Amount) {
  std::lock_guard<std::mutex> Lock(Mu);
  if (Balance < Amount)
    return false;
  Balance -= Amount;
  return true;
}
