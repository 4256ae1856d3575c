// Moving an item between two inventories takes both locks with
// std::scoped_lock; single-inventory operations take one.
#include <map>
#include <mutex>
#include <string>

class Inventory {
public:
  void add(const std::string &sku, int n) {
    std::lock_guard<std::mutex> g(mu_);
    stock_[sku] += n;
  }

  int count(const std::string &sku) const {
    std::lock_guard<std::mutex> g(mu_);
    auto it = stock_.find(sku);
    return it == stock_.end() ? 0 : it->second;
  }

  bool moveTo(Inventory &other, const std::string &sku, int n) {
    if (this == &other)
      return true;
    std::scoped_lock both(mu_, other.mu_);
    auto it = stock_.find(sku);
    if (it == stock_.end() || it->second < n)
      return false;
    it->second -= n;
    other.stock_[sku] += n;
    return true;
  }

private:
  mutable std::mutex mu_;
  std::map<std::string, int> stock_;
};
