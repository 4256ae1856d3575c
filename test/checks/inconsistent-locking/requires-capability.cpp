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
