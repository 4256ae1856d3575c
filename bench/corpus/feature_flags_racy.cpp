// Feature flags refreshed by a background poller and read by request
// handlers; the map is replaced under a shared_mutex but one reader skips it.
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>

class FeatureFlags {
public:
  void refresh(std::map<std::string, bool> fresh) {
    std::unique_lock<std::shared_mutex> w(mu_);
    flags_.swap(fresh);
    generation_++;
  }

  bool enabled(const std::string &name) const {
    std::shared_lock<std::shared_mutex> r(mu_);
    auto it = flags_.find(name);
    return it != flags_.end() && it->second;
  }

  bool enabledOr(const std::string &name, bool fallback) const {
    auto it = flags_.find(name); // RACE: racelint-inconsistent-locking
    return it == flags_.end() ? fallback : it->second; // RACE: racelint-inconsistent-locking
  }

  long generation() const {
    std::shared_lock<std::shared_mutex> r(mu_);
    return generation_;
  }

private:
  mutable std::shared_mutex mu_;
  std::map<std::string, bool> flags_;
  long generation_ = 0;
};
