// A bank account: deposit and withdraw lock, but the interest job and the
// statement printer touch the balance directly.
#include <cstdio>
#include <mutex>

class Account {
public:
  explicit Account(long cents) : balance_(cents) {}

  void deposit(long cents) {
    std::lock_guard<std::mutex> g(mu_);
    balance_ += cents;
  }

  bool withdraw(long cents) {
    std::lock_guard<std::mutex> g(mu_);
    if (balance_ < cents)
      return false;
    balance_ -= cents;
    return true;
  }

  void applyInterest(double rate) {
    balance_ = balance_ + static_cast<long>(balance_ * rate); // RACE: racelint-inconsistent-locking
  }

  void printStatement() const {
    std::printf("balance: %ld\n", balance_); // RACE: racelint-inconsistent-locking
  }

private:
  mutable std::mutex mu_;
  long balance_;
};
