// Per-route statistics that the admin page snapshots by copy-constructing
// them; the copy takes the source's lock while it reads.
#include <mutex>
#include <thread>
#include <vector>

class RouteStats {
public:
  RouteStats() = default;
  RouteStats(const RouteStats &other) {
    std::lock_guard<std::mutex> g(other.mu_);
    latencies_ = other.latencies_;
    errors_ = other.errors_;
  }

  void record(int ms, bool failed) {
    std::lock_guard<std::mutex> g(mu_);
    latencies_.push_back(ms);
    if (failed)
      ++errors_;
  }

  size_t samples() const {
    std::lock_guard<std::mutex> g(mu_);
    return latencies_.size();
  }

private:
  mutable std::mutex mu_;
  std::vector<int> latencies_;
  long errors_ = 0;
};

int main() {
  RouteStats live;
  std::thread traffic([&live] {
    for (int i = 0; i < 10000; ++i)
      live.record(i % 50, i % 100 == 0);
  });
  RouteStats snapshot(live);
  traffic.join();
  return snapshot.samples() <= live.samples() ? 0 : 1;
}
