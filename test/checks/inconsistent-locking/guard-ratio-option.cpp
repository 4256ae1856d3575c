// RUN: %check_racelint %s racelint-inconsistent-locking %t -- -std=c++17
// RUN: %check_racelint --check-suffix=STRICT %s racelint-inconsistent-locking %t.strict \
// RUN:   --config='{CheckOptions: {racelint-inconsistent-locking.MinGuardedRatio: "0.9"}}' -- -std=c++17
// With the default ratio (0.5) Mu, held at every write, is the guard and
// the bare read is the one deviant access. Demanding 0.9 of the functions
// makes nothing the guard: the race is still there, but no side can be
// named the wrong one, so each side is reported with the other as a note.
#include <mutex>

class Meter {
public:
  void add(int V) {
    std::lock_guard<std::mutex> Lock(Mu);
    Total += V;
    // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:5: warning: 'Total' is updated under 'Mu', but 'Meter::peek' reads it with no lock held [racelint-inconsistent-locking]
  }
  void sub(int V) {
    std::lock_guard<std::mutex> Lock(Mu);
    Total -= V;
    // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:5: warning: 'Total' is updated under 'Mu', but 'Meter::peek' reads it with no lock held [racelint-inconsistent-locking]
  }
  int peek() { return Total; }
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'Total' is read without holding 'Mu', which guards it at 2 of 3 accesses [racelint-inconsistent-locking]
  // CHECK-MESSAGES-STRICT: :[[@LINE-2]]:23: warning: 'Total' is read with no lock held, but 'Meter::add' updates it holding 'Mu' [racelint-inconsistent-locking]

private:
  std::mutex Mu;
  int Total = 0;
};
