// Transfers between accounts lock only the source account, so the
// destination's balance is written under the wrong lock.
#include <mutex>

class Account {
public:
  void deposit(long cents) {
    std::lock_guard<std::mutex> g(mu_);
    balance_ += cents;
  }

  long balance() const {
    std::lock_guard<std::mutex> g(mu_);
    return balance_;
  }

  bool transferTo(Account &to, long cents) {
    std::lock_guard<std::mutex> g(mu_);
    if (balance_ < cents)
      return false;
    balance_ -= cents;
    to.balance_ += cents; // RACE: racelint-inconsistent-locking
    return true;
  }

private:
  mutable std::mutex mu_;
  long balance_ = 0;
};
