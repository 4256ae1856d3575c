// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// Unlocking a different mutex than the one taken: the taken one leaks.
#include <mutex>

std::mutex InMu, OutMu;
int In, Out;

void moveBad() {
  InMu.lock();
  Out = In;
  OutMu.unlock();
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: unlocking 'OutMu', which is not held, while holding 'InMu' [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-4]]:8: note: 'InMu' acquired here
}

void moveGood() {
  InMu.lock();
  Out = In;
  InMu.unlock();
}

// The caller holds OutMu and hands it over; InMu is released here too.
void handOverGood() {
  InMu.lock();
  Out = In;
  OutMu.unlock();
  InMu.unlock();
}
