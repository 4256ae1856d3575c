// RUN: %check_racelint %s racelint-inconsistent-locking %t -- -std=c++17
// NOLINT silences a finding the author has reasoned about.
#include <mutex>

class Gauge {
public:
  void set(int V) {
    std::lock_guard<std::mutex> Lock(Mu);
    Value = V;
  }
  void reset() {
    std::lock_guard<std::mutex> Lock(Mu);
    Value = 0;
  }
  void inc() {
    std::lock_guard<std::mutex> Lock(Mu);
    ++Value;
  }
  // Approximate reads are fine for monitoring.
  int approx() const { return Value; } // NOLINT(racelint-inconsistent-locking)
  int approx2() const {
    // NOLINTNEXTLINE(racelint-inconsistent-locking)
    return Value;
  }
  int exact() const { return Value; }
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'Value' is read without holding 'Mu', which guards it at 3 of 6 accesses [racelint-inconsistent-locking]

private:
  mutable std::mutex Mu;
  int Value = 0;
};
