// A header-only two-level cache template: a small hot level and a large
// cold level, each with its own mutex. Both moves lock the cold level
// first, then the hot one. The file never instantiates the template.
#include <list>
#include <map>
#include <mutex>

template <typename K, typename V>
class TwoLevelCache {
public:
  bool promote(const K &k) {
    std::lock_guard<std::mutex> c(cold_mu_);
    auto it = cold_.find(k);
    if (it == cold_.end())
      return false;
    std::lock_guard<std::mutex> h(hot_mu_);
    hot_[k] = it->second;
    cold_.erase(it);
    return true;
  }

  void demote(const K &k) {
    std::lock_guard<std::mutex> c(cold_mu_);
    std::lock_guard<std::mutex> h(hot_mu_);
    auto it = hot_.find(k);
    if (it == hot_.end())
      return;
    cold_[k] = it->second;
    hot_.erase(it);
  }

private:
  std::mutex hot_mu_, cold_mu_;
  std::map<K, V> hot_, cold_;
};
