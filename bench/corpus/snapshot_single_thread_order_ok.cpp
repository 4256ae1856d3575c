// A snapshotter that owns two mutexes used only by its own background
// thread: it nests them one way while copying and the other way while
// restoring, but no other thread ever takes either mutex, so the two orders
// can never meet.
#include <mutex>
#include <thread>
#include <vector>

class Snapshotter {
public:
  void run() {
    worker_ = std::thread([this] {
      for (int round = 0; round < 10; ++round) {
        copyOut();
        restoreIn();
      }
    });
  }
  void wait() { worker_.join(); }

private:
  void copyOut() {
    std::lock_guard<std::mutex> a(live_mu_);
    std::lock_guard<std::mutex> b(shadow_mu_);
    shadow_ = live_;
  }
  void restoreIn() {
    std::lock_guard<std::mutex> b(shadow_mu_);
    std::lock_guard<std::mutex> a(live_mu_);
    live_.push_back(static_cast<int>(shadow_.size()));
  }

  std::mutex live_mu_, shadow_mu_;
  std::vector<int> live_, shadow_;
  std::thread worker_;
};

int main() {
  Snapshotter s;
  s.run();
  s.wait();
  return 0;
}
