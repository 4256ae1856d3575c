// RUN: %check_racelint %s racelint-inconsistent-locking %t -- -std=c++17
// A function annotated as requiring the lock runs with it held.
#include <mutex>

#define REQUIRES(...) __attribute__((requires_capability(__VA_ARGS__)))

class Ledger {
public:
  void post(int V) {
    std::lock_guard<std::mutex> Lock(Mu);
    Sum += V;
    audit();
  }
  int sum() {
    std::lock_guard<std::mutex> Lock(Mu);
    return Sum;
  }
  void auditRequired() REQUIRES(Mu) { Sum = Sum + 0; }

private:
  void audit() { Checks++; }
  std::mutex Mu;
  int Sum = 0;
  int Checks = 0;
};

// A factory that locks the new object's mutex and calls its annotated
// methods through a pointer (leveldb's DB::Open): the lock is the object's
// own, so nothing is inconsistent.
namespace open_factory {
class __attribute__((capability("mutex"))) Mutex {
public:
  void lock() __attribute__((acquire_capability()));
  void unlock() __attribute__((release_capability()));
};
class Impl {
public:
  void schedule() __attribute__((requires_capability(Mu))) { ++Pending; }
  void work() {
    Mu.lock();
    ++Pending;
    Mu.unlock();
  }
  static void reopen(Impl *I) {
    I->Mu.lock();
    I->schedule();
    I->Mu.unlock();
  }
  Mutex Mu;
  int Pending __attribute__((guarded_by(Mu))) = 0;
};
} // namespace open_factory
