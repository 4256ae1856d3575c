// A timer scheduler whose timer map is only touched under mu_, with the
// callbacks run outside the lock.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

class Scheduler {
  using Clock = std::chrono::steady_clock;

public:
  Scheduler() : thread_([this] { run(); }) {}
  ~Scheduler() {
    {
      std::lock_guard<std::mutex> g(mu_);
      done_ = true;
    }
    cv_.notify_one();
    thread_.join();
  }

  int after(std::chrono::milliseconds d, std::function<void()> fn) {
    std::lock_guard<std::mutex> g(mu_);
    int id = next_id_++;
    timers_.emplace(id, Timer{Clock::now() + d, std::move(fn)});
    cv_.notify_one();
    return id;
  }

  void cancel(int id) {
    std::lock_guard<std::mutex> g(mu_);
    timers_.erase(id);
  }

private:
  struct Timer {
    Clock::time_point when;
    std::function<void()> fn;
  };

  void run() {
    std::unique_lock<std::mutex> lk(mu_);
    while (!done_) {
      std::vector<std::function<void()>> due;
      auto now = Clock::now();
      for (auto it = timers_.begin(); it != timers_.end();) {
        if (it->second.when <= now) {
          due.push_back(std::move(it->second.fn));
          it = timers_.erase(it);
        } else {
          ++it;
        }
      }
      lk.unlock();
      for (auto &fn : due)
        fn();
      lk.lock();
      cv_.wait_for(lk, std::chrono::milliseconds(10));
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::map<int, Timer> timers_;
  int next_id_ = 0;
  bool done_ = false;
  std::thread thread_;
};
