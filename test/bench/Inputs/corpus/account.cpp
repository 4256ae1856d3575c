#include <mutex>
struct Account {
  std::mutex mu;
  long balance = 0;
  long audits = 0;
  void deposit(long n) { std::lock_guard<std::mutex> g(mu); balance += n; }
  long get() { return balance; } /* FAKE-REPORT: racelint-inconsistent-locking */ // RACE: racelint-inconsistent-locking
  void reset() { balance = 0; } // RACE: racelint-inconsistent-locking
  void audit() { audits++; } /* FAKE-REPORT: racelint-unguarded-shared-state */ // RACE: racelint-nonatomic-rmw
  void ok() { std::lock_guard<std::mutex> g(mu); balance--; } // FAKE-REPORT: racelint-inconsistent-locking
};
