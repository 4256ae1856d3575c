// A trading order book: every access to the price levels holds the lock.
#include <map>
#include <mutex>

class OrderBook {
public:
  void addBid(long price, long qty) {
    std::lock_guard<std::mutex> g(mu_);
    bids_[price] += qty;
  }
  void addAsk(long price, long qty) {
    std::lock_guard<std::mutex> g(mu_);
    asks_[price] += qty;
  }
  void cancelBid(long price) {
    std::lock_guard<std::mutex> g(mu_);
    bids_.erase(price);
  }
  long spread() const {
    std::lock_guard<std::mutex> g(mu_);
    if (bids_.empty() || asks_.empty())
      return -1;
    return asks_.begin()->first - bids_.rbegin()->first;
  }

private:
  mutable std::mutex mu_;
  std::map<long, long> bids_, asks_;
};
