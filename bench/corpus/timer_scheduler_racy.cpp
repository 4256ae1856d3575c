// A timer scheduler: timers are added under the lock and fired by a
// dedicated thread, but cancel() erases from the map without locking.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

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

  void cancel(int id) { timers_.erase(id); } // RACE: racelint-inconsistent-locking

private:
  struct Timer {
    Clock::time_point when;
    std::function<void()> fn;
  };

  void run() {
    std::unique_lock<std::mutex> lk(mu_);
    while (!done_) {
      auto now = Clock::now();
      for (auto it = timers_.begin(); it != timers_.end();) {
        if (it->second.when <= now) {
          it->second.fn();
          it = timers_.erase(it);
        } else {
          ++it;
        }
      }
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
