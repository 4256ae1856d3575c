// A single-producer single-consumer ring with atomic head and tail indices;
// each slot is written by the producer before the release store and read by
// the consumer after the acquire load.
#include <array>
#include <atomic>
#include <cstddef>
#include <thread>

template <typename T, size_t N> class SpscRing {
public:
  bool push(const T &v) {
    size_t t = tail_.load(std::memory_order_relaxed);
    size_t next = (t + 1) % N;
    if (next == head_.load(std::memory_order_acquire))
      return false;
    slots_[t] = v;
    tail_.store(next, std::memory_order_release);
    return true;
  }

  bool pop(T &out) {
    size_t h = head_.load(std::memory_order_relaxed);
    if (h == tail_.load(std::memory_order_acquire))
      return false;
    out = slots_[h];
    head_.store((h + 1) % N, std::memory_order_release);
    return true;
  }

private:
  std::array<T, N> slots_{};
  std::atomic<size_t> head_{0}, tail_{0};
};

int main() {
  SpscRing<int, 16> ring;
  std::thread producer([&ring] {
    for (int i = 0; i < 1000;)
      if (ring.push(i))
        ++i;
  });
  long sum = 0;
  for (int got = 0, v; got < 1000;)
    if (ring.pop(v)) {
      sum += v;
      ++got;
    }
  producer.join();
  return sum == 499500 ? 0 : 1;
}
