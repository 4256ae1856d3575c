// A wallet service computes a fee outside the lock (it may be slow) and
// writes the new balance back after taking the lock again: a deposit made
// by another thread in between is lost.
#include <mutex>
#include <thread>
#include <vector>

class Wallet {
public:
  void withdrawWithFee(long amount) {
    mu_.lock();
    long current = balance_;
    mu_.unlock();

    long fee = computeFee(amount);

    mu_.lock();
    balance_ = current - amount - fee; // RACE: racelint-nonatomic-rmw
    mu_.unlock();
  }

  void deposit(long amount) {
    std::lock_guard<std::mutex> g(mu_);
    balance_ += amount;
  }

  long balance() {
    std::lock_guard<std::mutex> g(mu_);
    return balance_;
  }

private:
  static long computeFee(long amount) { return amount / 100 + 1; }

  std::mutex mu_;
  long balance_ = 1000;
};

int main() {
  Wallet w;
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i) {
    ts.emplace_back([&w] { w.withdrawWithFee(10); });
    ts.emplace_back([&w] { w.deposit(10); });
  }
  for (auto &t : ts)
    t.join();
  return w.balance() > 0 ? 0 : 1;
}
