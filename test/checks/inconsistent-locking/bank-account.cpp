// RUN: %check_racelint %s racelint-inconsistent-locking %t -- -std=c++17
// balance_ is written under mu_ in deposit and withdraw, read bare in get.
#include <mutex>

class Account {
public:
  void deposit(int N) {
    std::lock_guard<std::mutex> Lock(Mu);
    Balance += N;
  }
  bool withdraw(int N) {
    std::lock_guard<std::mutex> Lock(Mu);
    if (Balance < N)
      return false;
    Balance -= N;
    return true;
  }
  int get() const { return Balance; }
  // CHECK-NOTES: :[[@LINE-1]]:28: warning: 'Balance' is read without holding 'Mu', which guards it at 3 of 4 accesses [racelint-inconsistent-locking]
  // CHECK-NOTES: :[[@LINE-11]]:5: note: 'Balance' updated with 'Mu' held here

private:
  mutable std::mutex Mu;
  int Balance = 0;
};

class SafeAccount {
public:
  void deposit(int N) {
    std::lock_guard<std::mutex> Lock(Mu);
    Balance += N;
  }
  int get() const {
    std::lock_guard<std::mutex> Lock(Mu);
    return Balance;
  }

private:
  mutable std::mutex Mu;
  int Balance = 0;
};
