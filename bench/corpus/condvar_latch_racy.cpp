// A countdown latch whose countDown() decrements outside the lock and only
// takes it to notify.
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

class Latch {
public:
  explicit Latch(int n) : count_(n) {}

  void countDown() {
    --count_; // RACE: racelint-inconsistent-locking
    std::lock_guard<std::mutex> g(mu_);
    cv_.notify_all();
  }

  void wait() {
    std::unique_lock<std::mutex> lk(mu_);
    cv_.wait(lk, [this] { return count_ == 0; });
  }

  bool tryWait() {
    std::lock_guard<std::mutex> g(mu_);
    return count_ == 0;
  }

private:
  std::mutex mu_;
  std::condition_variable cv_;
  int count_;
};

int main() {
  Latch done(3);
  std::vector<std::thread> ts;
  for (int i = 0; i < 3; ++i)
    ts.emplace_back([&done] { done.countDown(); });
  done.wait();
  for (auto &t : ts)
    t.join();
  return done.tryWait() ? 0 : 1;
}
