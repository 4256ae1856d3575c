// A lock-free trace ring: writers claim a slot with an atomic ticket, the
// dumper thread reads slots up to the published head. The slots are atomics
// too, so a lapping writer and the dumper never race.
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <thread>
#include <vector>

class TraceRing {
public:
  void emit(uint32_t event) {
    uint64_t ticket = next_.fetch_add(1, std::memory_order_relaxed);
    slots_[ticket % kSlots].store(event, std::memory_order_relaxed);
    published_.store(ticket + 1, std::memory_order_release);
  }

  void dump(uint64_t from) {
    uint64_t head = published_.load(std::memory_order_acquire);
    for (uint64_t i = from; i < head; ++i)
      std::printf("%u\n", slots_[i % kSlots].load(std::memory_order_relaxed));
  }

private:
  static constexpr uint64_t kSlots = 256;
  std::atomic<uint64_t> next_{0};
  std::atomic<uint64_t> published_{0};
  std::atomic<uint32_t> slots_[kSlots] = {};
};

int main() {
  TraceRing ring;
  std::vector<std::thread> writers;
  for (uint32_t w = 0; w < 3; ++w)
    writers.emplace_back([&ring, w] {
      for (uint32_t i = 0; i < 1000; ++i)
        ring.emit(w * 10000 + i);
    });
  std::thread dumper([&ring] { ring.dump(0); });
  for (auto &t : writers)
    t.join();
  dumper.join();
  return 0;
}
