// FLAGS: -std=c++20 -pthread
// A jthread heartbeat with an atomic tick counter and stop_token shutdown.
#include <atomic>
#include <chrono>
#include <stop_token>
#include <thread>

class Heartbeat {
public:
  void start() {
    thread_ = std::jthread([this](std::stop_token st) {
      while (!st.stop_requested()) {
        ticks_.fetch_add(1, std::memory_order_relaxed);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      }
    });
  }
  long ticks() const { return ticks_.load(std::memory_order_relaxed); }

private:
  std::atomic<long> ticks_{0};
  std::jthread thread_;
};

int main() {
  Heartbeat h;
  h.start();
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  return h.ticks() >= 0 ? 0 : 1;
}
