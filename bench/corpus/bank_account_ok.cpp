// A bank account where every use of the balance holds the account's mutex;
// transfers take both accounts' mutexes together with std::scoped_lock.
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
    std::lock_guard<std::mutex> g(mu_);
    balance_ = balance_ + static_cast<long>(balance_ * rate);
  }

  void printStatement() const {
    std::lock_guard<std::mutex> g(mu_);
    std::printf("balance: %ld\n", balance_);
  }

  friend bool transfer(Account &from, Account &to, long cents) {
    std::scoped_lock both(from.mu_, to.mu_);
    if (from.balance_ < cents)
      return false;
    from.balance_ -= cents;
    to.balance_ += cents;
    return true;
  }

private:
  mutable std::mutex mu_;
  long balance_;
};
