// A game leaderboard: scores are submitted under the lock, but the "best"
// score cache is refreshed with a check-then-act outside it.
#include <algorithm>
#include <mutex>
#include <string>
#include <vector>

class Leaderboard {
public:
  void submit(const std::string &player, int score) {
    {
      std::lock_guard<std::mutex> g(mu_);
      scores_.push_back({player, score});
    }
    if (score > best_) // RACE: racelint-unguarded-shared-state
      best_ = score; // RACE: racelint-nonatomic-rmw
  }

  int best() const { return best_; } // RACE: racelint-unguarded-shared-state

  std::vector<std::pair<std::string, int>> top(size_t n) const {
    std::lock_guard<std::mutex> g(mu_);
    auto copy = scores_;
    std::sort(copy.begin(), copy.end(),
              [](const auto &a, const auto &b) { return a.second > b.second; });
    if (copy.size() > n)
      copy.resize(n);
    return copy;
  }

private:
  mutable std::mutex mu_;
  std::vector<std::pair<std::string, int>> scores_;
  int best_ = 0;
};
