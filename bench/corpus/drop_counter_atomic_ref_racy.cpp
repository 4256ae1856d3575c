// FLAGS: -std=c++20 -pthread
// A packet queue counts drops in a plain field updated with std::atomic_ref
// on the hot path; the stats reset and the getter use plain accesses.
#include <atomic>
#include <thread>

class PacketQueue {
public:
  void drop() { std::atomic_ref<long>(dropped_).fetch_add(1, std::memory_order_relaxed); }
  long dropped() const { return dropped_; } // RACE: racelint-unguarded-shared-state
  void resetStats() { dropped_ = 0; } // RACE: racelint-unguarded-shared-state

private:
  alignas(std::atomic_ref<long>::required_alignment) long dropped_ = 0;
};

int main() {
  PacketQueue q;
  std::thread nic([&q] {
    for (int i = 0; i < 10000; ++i)
      q.drop();
  });
  long seen = q.dropped();
  q.resetStats();
  nic.join();
  return seen >= 0 ? 0 : 1;
}
