// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// A condition-variable wrapper adopts the caller's lock, waits, and gives
// ownership back with release(): balanced, nothing to report.
#include <condition_variable>
#include <mutex>

class Mutex {
public:
  std::mutex Mu;
};

class CondVar {
public:
  explicit CondVar(Mutex *M) : M(M) {}
  void wait() {
    std::unique_lock<std::mutex> Lock(M->Mu, std::adopt_lock);
    Cv.wait(Lock);
    Lock.release();
  }

private:
  Mutex *M;
  std::condition_variable Cv;
};

// Taking the lock itself and then release()-ing the guard leaks it.
void leakViaRelease(std::mutex &Mu) {
  std::unique_lock<std::mutex> Lock(Mu);
  Lock.release();
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: 'Mu' is still held when 'leakViaRelease' returns [racelint-lock-discipline]
