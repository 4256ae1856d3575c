// An inventory using lock_guard, so every return path releases the lock.
#include <map>
#include <mutex>
#include <string>

class Inventory {
public:
  bool reserve(const std::string &sku, int n) {
    std::lock_guard<std::mutex> g(mu_);
    auto it = stock_.find(sku);
    if (it == stock_.end() || it->second < n)
      return false;
    it->second -= n;
    return true;
  }

  void restock(const std::string &sku, int n) {
    if (n <= 0)
      return;
    mu_.lock();
    stock_[sku] += n;
    mu_.unlock();
  }

  int available(const std::string &sku) const {
    std::lock_guard<std::mutex> g(mu_);
    auto it = stock_.find(sku);
    return it == stock_.end() ? 0 : it->second;
  }

private:
  mutable std::mutex mu_;
  std::map<std::string, int> stock_;
};
