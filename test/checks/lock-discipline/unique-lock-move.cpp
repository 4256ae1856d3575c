// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// Ownership follows a moved unique_lock: the moved-from guard releases
// nothing, the destination releases at its own scope exit.
#include <mutex>
#include <utility>

std::mutex Mu;
int Value;

void consume(std::unique_lock<std::mutex> L);

std::unique_lock<std::mutex> acquire() {
  std::unique_lock<std::mutex> L(Mu);
  Value++;
  return L;
}

void useReturnedGood() {
  auto L = acquire();
  Value++;
}

void moveConstructGood() {
  std::unique_lock<std::mutex> A(Mu);
  std::unique_lock<std::mutex> B(std::move(A));
  Value++;
}

void moveAssignGood() {
  std::unique_lock<std::mutex> A(Mu);
  std::unique_lock<std::mutex> B;
  B = std::move(A);
  Value++;
}

void moveIntoCalleeGood() {
  std::unique_lock<std::mutex> A(Mu);
  Value++;
  consume(std::move(A));
}

void unlockMovedFromBad() {
  std::unique_lock<std::mutex> A(Mu);
  std::unique_lock<std::mutex> B(std::move(A));
  A.unlock();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'A' does not own its mutex here; unlocking it throws std::system_error [racelint-lock-discipline]
}

void unlockMoveTargetGood() {
  std::unique_lock<std::mutex> A(Mu);
  std::unique_lock<std::mutex> B(std::move(A));
  B.unlock();
  Value++;
}
