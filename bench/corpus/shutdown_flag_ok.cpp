// A background flusher polls an atomic flag; stop() joins before returning.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

class Flusher {
public:
  void start() { thread_ = std::thread(&Flusher::run, this); }

  void stop() {
    stopping_.store(true, std::memory_order_release);
    thread_.join();
  }

private:
  void run() {
    while (!stopping_.load(std::memory_order_acquire)) {
      std::fflush(stdout);
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }

  std::thread thread_;
  std::atomic<bool> stopping_{false};
};

int main() {
  Flusher f;
  f.start();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  f.stop();
  return 0;
}
