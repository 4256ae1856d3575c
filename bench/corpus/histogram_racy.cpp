// A latency histogram: buckets are recorded under the lock by request
// threads, but reset() and the percentile query skip it.
#include <array>
#include <mutex>
#include <thread>
#include <vector>

class Histogram {
public:
  void record(int ms) {
    std::lock_guard<std::mutex> g(mu_);
    buckets_[bucketOf(ms)]++;
    count_++;
  }

  void reset() {
    buckets_.fill(0); // RACE: racelint-inconsistent-locking
    count_ = 0; // RACE: racelint-inconsistent-locking
  }

  int p99() const {
    long target = count_ * 99 / 100; // RACE: racelint-inconsistent-locking
    long seen = 0;
    // buckets_.size() is std::array's constant: it reads no shared memory.
    for (size_t i = 0; i < buckets_.size(); ++i) {
      seen += buckets_[i]; // RACE: racelint-inconsistent-locking
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
