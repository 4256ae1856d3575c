// A storage quota tracker: byte and object counts are bumped through a small
// helper that takes the counter by reference, always with the mutex held.
#include <cstdint>
#include <mutex>
#include <thread>

class QuotaTracker {
public:
  void onWrite(uint64_t bytes) {
    std::lock_guard<std::mutex> g(mu_);
    adjust(used_bytes_, static_cast<int64_t>(bytes));
    adjust(objects_, 1);
  }

  void onEvict(uint64_t bytes) {
    std::lock_guard<std::mutex> g(mu_);
    adjust(used_bytes_, -static_cast<int64_t>(bytes));
  }

  int64_t used() const {
    std::lock_guard<std::mutex> g(mu_);
    return used_bytes_;
  }

private:
  static void adjust(int64_t &counter, int64_t delta) { counter += delta; }

  mutable std::mutex mu_;
  int64_t used_bytes_ = 0;
  int64_t objects_ = 0;
};

int main() {
  QuotaTracker q;
  std::thread writer([&q] {
    for (int i = 0; i < 1000; ++i)
      q.onWrite(4096);
  });
  std::thread evictor([&q] {
    for (int i = 0; i < 1000; ++i)
      q.onEvict(4096);
  });
  writer.join();
  evictor.join();
  return q.used() == 0 ? 0 : 1;
}
