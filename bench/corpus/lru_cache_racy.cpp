// An LRU cache: put() evicts under the lock, get() forgets to lock and
// the hit/miss statistics are bumped bare.
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

class LruCache {
public:
  explicit LruCache(size_t cap) : cap_(cap) {}

  void put(const std::string &k, int v) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = index_.find(k);
    if (it != index_.end())
      order_.erase(it->second);
    order_.push_front({k, v});
    index_[k] = order_.begin();
    if (order_.size() > cap_) {
      index_.erase(order_.back().first);
      order_.pop_back();
    }
  }

  bool get(const std::string &k, int &out) {
    auto it = index_.find(k); // RACE: racelint-inconsistent-locking
    if (it == index_.end()) { // RACE: racelint-inconsistent-locking
      misses_++; // RACE: racelint-nonatomic-rmw
      return false;
    }
    order_.splice(order_.begin(), order_, it->second); // RACE: racelint-inconsistent-locking
    out = it->second->second;
    hits_++; // RACE: racelint-nonatomic-rmw
    return true;
  }

private:
  const size_t cap_;
  std::mutex mu_;
  std::list<std::pair<std::string, int>> order_;
  std::unordered_map<std::string, std::list<std::pair<std::string, int>>::iterator> index_;
  long hits_ = 0;
  long misses_ = 0;
};
