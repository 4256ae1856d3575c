// Two-lock bookkeeping where the error path unlocks the wrong mutex.
#include <mutex>
#include <vector>

class Ledger {
public:
  bool post(int account, long amount) {
    entries_mu_.lock();
    if (account < 0) {
      totals_mu_.unlock(); // RACE: racelint-lock-discipline
      return false; // RACE: racelint-lock-discipline
    }
    entries_.push_back(amount);
    entries_mu_.unlock();
    std::lock_guard<std::mutex> g(totals_mu_);
    total_ += amount;
    return true;
  }

private:
  std::mutex entries_mu_, totals_mu_;
  std::vector<long> entries_;
  long total_ = 0;
};
