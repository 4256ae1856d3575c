// A token-bucket rate limiter with refill folded into the locked acquire.
#include <chrono>
#include <mutex>

class RateLimiter {
  using Clock = std::chrono::steady_clock;

public:
  explicit RateLimiter(int per_second) : rate_(per_second), tokens_(per_second) {}

  bool tryAcquire() {
    std::lock_guard<std::mutex> g(mu_);
    refillLocked();
    if (tokens_ > 0) {
      tokens_--;
      return true;
    }
    return false;
  }

private:
  void refillLocked() {
    auto now = Clock::now();
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now - last_).count();
    tokens_ += static_cast<int>(ms * rate_ / 1000);
    if (tokens_ > rate_)
      tokens_ = rate_;
    last_ = now;
  }

  std::mutex mu_;
  const int rate_;
  int tokens_;
  Clock::time_point last_ = Clock::now();
};
