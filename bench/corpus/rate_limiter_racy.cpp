// A token-bucket rate limiter: refill() is locked but tryAcquire() reads
// and decrements the tokens with no lock: check-then-act.
#include <chrono>
#include <mutex>

class RateLimiter {
  using Clock = std::chrono::steady_clock;

public:
  explicit RateLimiter(int per_second) : rate_(per_second), tokens_(per_second) {}

  void refill() {
    std::lock_guard<std::mutex> g(mu_);
    auto now = Clock::now();
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now - last_).count();
    tokens_ += static_cast<int>(ms * rate_ / 1000);
    if (tokens_ > rate_)
      tokens_ = rate_;
    last_ = now;
  }

  bool tryAcquire() {
    if (tokens_ > 0) { // RACE: racelint-inconsistent-locking
      tokens_--; // RACE: racelint-inconsistent-locking
      return true;
    }
    return false;
  }

private:
  std::mutex mu_;
  const int rate_;
  int tokens_;
  Clock::time_point last_ = Clock::now();
};
