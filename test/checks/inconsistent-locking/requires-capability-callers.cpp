// RUN: %check_racelint %s racelint-inconsistent-locking %t -- -std=c++17 -Wno-thread-safety-analysis
// Functions annotated requires_capability are analysed as if the lock were
// held on entry; callers that do not hold it are reported at the call.
#include <mutex>

class __attribute__((capability("mutex"))) Mutex {
public:
  void lock() __attribute__((acquire_capability()));
  void unlock() __attribute__((release_capability()));
};

class Ledger {
public:
  void post(int V) {
    Mu.lock();
    postLocked(V);
    Mu.unlock();
  }
  void postBad(int V) {
    postLocked(V);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Total' is updated without holding 'Mu', which guards it at 3 of 5 accesses [racelint-inconsistent-locking]
  }
  int total() {
    Mu.lock();
    int T = Total;
    Mu.unlock();
    return T;
  }

private:
  void postLocked(int V) __attribute__((requires_capability(Mu))) {
    Total = Total + V;
  }
  Mutex Mu;
  int Total = 0;
};

// An annotated scoped guard.
class __attribute__((scoped_lockable)) Guard {
public:
  explicit Guard(Mutex &M) __attribute__((acquire_capability(M))) : M(M) {
    M.lock();
  }
  ~Guard() __attribute__((release_capability())) { M.unlock(); }

private:
  Mutex &M;
};

class Sessions {
public:
  void open() {
    Guard G(Mu);
    ++Open;
  }
  void close() {
    Guard G(Mu);
    --Open;
  }
  int openBad() { return Open; }
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'Open' is read without holding 'Mu', which guards it at 3 of 4 accesses [racelint-inconsistent-locking]
  int openGood() {
    Guard G(Mu);
    return Open;
  }

private:
  Mutex Mu;
  int Open = 0;
};
