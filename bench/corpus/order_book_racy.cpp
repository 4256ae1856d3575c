// A trading order book: orders are added and matched under the book's lock,
// but cancel() and the spread query read the price levels without it.
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
  void cancelBid(long price) { bids_.erase(price); } // RACE: racelint-inconsistent-locking

  long spread() const {
    if (bids_.empty() || asks_.empty()) // RACE: racelint-inconsistent-locking
      return -1;
    return asks_.begin()->first - bids_.rbegin()->first; // RACE: racelint-inconsistent-locking
  }

  long match() {
    std::lock_guard<std::mutex> g(mu_);
    long traded = 0;
    while (!bids_.empty() && !asks_.empty() && bids_.rbegin()->first >= asks_.begin()->first) {
      auto bid = std::prev(bids_.end());
      auto ask = asks_.begin();
      long q = bid->second < ask->second ? bid->second : ask->second;
      traded += q;
      if ((bid->second -= q) == 0)
        bids_.erase(bid);
      if ((ask->second -= q) == 0)
        asks_.erase(ask);
    }
    return traded;
  }

private:
  mutable std::mutex mu_;
  std::map<long, long> bids_, asks_;
};
