// RUN: %check_racelint %s racelint-inconsistent-locking %t -- -std=c++17
// A field reached through another object is guarded by that object's lock:
// `from.Balance` under `from.Mu` lines up with `Balance` under `Mu`.
#include <mutex>

class Account {
public:
  void deposit(int N) {
    std::lock_guard<std::mutex> L(Mu);
    Balance += N;
  }
  void takeFrom(Account &From, int N) {
    std::scoped_lock L(Mu, From.Mu);
    From.Balance -= N;
    Balance += N;
  }
  void peekFrom(Account &From) {
    std::lock_guard<std::mutex> L(Mu);
    Last = From.Balance;
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'From.Balance' is read under 'Mu' instead of 'From.Mu', which guards it at 3 of 4 accesses [racelint-inconsistent-locking]
  }

private:
  std::mutex Mu;
  int Balance = 0;
  int Last = 0;
};
