// A latency histogram whose every access is under its mutex; the query
// copies the buckets under the lock and computes outside it.
#include <array>
#include <mutex>
#include <thread>

class Histogram {
public:
  void record(int ms) {
    std::lock_guard<std::mutex> g(mu_);
    buckets_[bucketOf(ms)]++;
    count_++;
  }

  void reset() {
    std::lock_guard<std::mutex> g(mu_);
    buckets_.fill(0);
    count_ = 0;
  }

  int p99() const {
    std::array<long, 100> copy;
    long count;
    {
      std::lock_guard<std::mutex> g(mu_);
      copy = buckets_;
      count = count_;
    }
    long target = count * 99 / 100, seen = 0;
    for (size_t i = 0; i < copy.size(); ++i) {
      seen += copy[i];
      if (seen >= target)
        return static_cast<int>(i * 10);
    }
    return 1000;
  }

private:
  static size_t bucketOf(int ms) { return ms >= 1000 ? 99 : static_cast<size_t>(ms / 10); }

  mutable std::mutex mu_;
  std::array<long, 100> buckets_{};
  long count_ = 0;
};

int main() {
  Histogram h;
  std::thread t([&h] {
    for (int i = 0; i < 1000; ++i)
      h.record(i % 300);
  });
  int p = h.p99();
  h.reset();
  t.join();
  return p >= 0 ? 0 : 1;
}
