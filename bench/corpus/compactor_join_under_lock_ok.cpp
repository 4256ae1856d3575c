// A background compactor thread takes the store mutex for every step. stop()
// sets the stop flag under the mutex and joins after releasing it.
#include <mutex>
#include <thread>
#include <vector>

class Store {
public:
  void start() {
    compactor_ = std::thread([this] {
      for (;;) {
        std::lock_guard<std::mutex> g(mu_);
        if (stopping_)
          return;
        if (segments_.size() > 1) {
          segments_[0] += segments_.back();
          segments_.pop_back();
        }
      }
    });
  }

  void append(int seg) {
    std::lock_guard<std::mutex> g(mu_);
    segments_.push_back(seg);
  }

  void stop() {
    {
      std::lock_guard<std::mutex> g(mu_);
      stopping_ = true;
    }
    compactor_.join();
  }

private:
  std::mutex mu_;
  bool stopping_ = false;
  std::vector<int> segments_;
  std::thread compactor_;
};

int main() {
  Store s;
  s.start();
  for (int i = 0; i < 100; ++i)
    s.append(i);
  s.stop();
  return 0;
}
