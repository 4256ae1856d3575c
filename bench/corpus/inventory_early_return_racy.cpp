// An inventory with manual lock()/unlock(): the out-of-stock path returns
// without unlocking, and restock() unlocks twice on the error path.
#include <map>
#include <mutex>
#include <string>

class Inventory {
public:
  bool reserve(const std::string &sku, int n) {
    mu_.lock();
    auto it = stock_.find(sku);
    if (it == stock_.end() || it->second < n)
      return false; // RACE: racelint-lock-discipline
    it->second -= n;
    mu_.unlock();
    return true;
  }

  void restock(const std::string &sku, int n) {
    mu_.lock();
    if (n <= 0) {
      mu_.unlock();
    } else {
      stock_[sku] += n;
    }
    mu_.unlock(); // RACE: racelint-lock-discipline
  }

private:
  std::mutex mu_;
  std::map<std::string, int> stock_;
};
