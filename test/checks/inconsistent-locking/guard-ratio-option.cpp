// RUN: %check_racelint %s racelint-inconsistent-locking %t -- -std=c++17
// RUN: %check_racelint --check-suffix=STRICT %s racelint-inconsistent-locking %t.strict \
// RUN:   --config='{CheckOptions: {racelint-inconsistent-locking.MinGuardedRatio: "0.9"}}' -- -std=c++17
// With the default ratio (0.5) two locked accesses of three make Mu the
// guard; demanding 0.9 makes nothing a guard, so nothing is inconsistent.
#include <mutex>

class Meter {
public:
  void add(int V) {
    std::lock_guard<std::mutex> Lock(Mu);
    Total += V;
  }
  void sub(int V) {
    std::lock_guard<std::mutex> Lock(Mu);
    Total -= V;
  }
  int peek() { return Total; }
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'Total' is read without holding 'Mu', which guards it at 2 of 3 accesses [racelint-inconsistent-locking]

private:
  std::mutex Mu;
  int Total = 0;
};
