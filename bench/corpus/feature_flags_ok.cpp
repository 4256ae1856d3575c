// Feature flags refreshed by a background poller and read by request
// handlers under a shared lock.
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

  bool enabledOr(const std::string &name, bool fallback) const {
    std::shared_lock<std::shared_mutex> r(mu_);
    auto it = flags_.find(name);
    return it == flags_.end() ? fallback : it->second;
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
