// FLAGS: -std=c++20 -pthread
// A jthread heartbeat that counts ticks in a plain member while the owner
// reads it; the stop token is used correctly, the counter is not.
#include <chrono>
#include <stop_token>
#include <thread>

class Heartbeat {
public:
  void start() {
    thread_ = std::jthread([this](std::stop_token st) {
      while (!st.stop_requested()) {
        ticks_++; // RACE: racelint-nonatomic-rmw
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      }
    });
  }
  long ticks() const { return ticks_; } // RACE: racelint-unguarded-shared-state

private:
  long ticks_ = 0;
  std::jthread thread_;
};

int main() {
  Heartbeat h;
  h.start();
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  return h.ticks() >= 0 ? 0 : 1;
}
