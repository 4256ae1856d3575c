// A DNS cache that takes only the shared (reader) lock when it inserts a
// freshly resolved entry.
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>

class DnsCache {
public:
  bool lookup(const std::string &host, std::string &addr) const {
    std::shared_lock<std::shared_mutex> r(mu_);
    auto it = entries_.find(host);
    if (it == entries_.end())
      return false;
    addr = it->second;
    return true;
  }

  void insert(const std::string &host, const std::string &addr) {
    std::shared_lock<std::shared_mutex> r(mu_);
    entries_[host] = addr; // RACE: racelint-inconsistent-locking
  }

  void clear() {
    std::unique_lock<std::shared_mutex> w(mu_);
    entries_.clear();
  }

private:
  mutable std::shared_mutex mu_;
  std::map<std::string, std::string> entries_;
};
