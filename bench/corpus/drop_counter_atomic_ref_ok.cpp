// FLAGS: -std=c++20 -pthread
// A packet queue counts drops in a plain field; every concurrent access goes
// through std::atomic_ref.
#include <atomic>
#include <thread>

class PacketQueue {
public:
  void drop() { std::atomic_ref<long>(dropped_).fetch_add(1, std::memory_order_relaxed); }
  long dropped() { return std::atomic_ref<long>(dropped_).load(std::memory_order_relaxed); }
  void resetStats() { std::atomic_ref<long>(dropped_).store(0, std::memory_order_relaxed); }

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
