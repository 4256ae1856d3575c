// A session table with a private helper that expects the caller to hold
// the lock (the ...Locked naming convention).
#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

class Sessions {
  using Clock = std::chrono::steady_clock;

public:
  void touch(const std::string &id) {
    std::lock_guard<std::mutex> g(mu_);
    touchLocked(id);
  }

  void touchAll(const std::string *ids, int n) {
    std::lock_guard<std::mutex> g(mu_);
    for (int i = 0; i < n; ++i)
      touchLocked(ids[i]);
  }

  size_t expire(Clock::duration ttl) {
    std::lock_guard<std::mutex> g(mu_);
    auto now = Clock::now();
    size_t removed = 0;
    for (auto it = last_seen_.begin(); it != last_seen_.end();) {
      if (now - it->second > ttl) {
        it = last_seen_.erase(it);
        ++removed;
      } else {
        ++it;
      }
    }
    return removed;
  }

private:
  void touchLocked(const std::string &id) { last_seen_[id] = Clock::now(); }

  std::mutex mu_;
  std::unordered_map<std::string, Clock::time_point> last_seen_;
};
