// A session table whose expire() calls touch() while already holding the
// non-recursive mutex: a self-deadlock.
#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

class Sessions {
  using Clock = std::chrono::steady_clock;

public:
  void touch(const std::string &id) {
    std::lock_guard<std::mutex> g(mu_);
    last_seen_[id] = Clock::now();
  }

  void expire(Clock::duration ttl) {
    mu_.lock();
    auto now = Clock::now();
    for (auto it = last_seen_.begin(); it != last_seen_.end();) {
      if (now - it->second > ttl)
        it = last_seen_.erase(it);
      else
        ++it;
    }
    mu_.lock(); // RACE: racelint-lock-discipline
    mu_.unlock();
  }

private:
  std::mutex mu_;
  std::unordered_map<std::string, Clock::time_point> last_seen_;
};
