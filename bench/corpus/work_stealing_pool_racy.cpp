// A thread pool with per-worker queues. Each queue is locked by its owner,
// but the idle counter used for shutdown is a plain int shared by all.
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

class Pool {
  struct Worker {
    std::mutex mu;
    std::deque<std::function<void()>> tasks;
  };

public:
  explicit Pool(int n) : workers_(n) {}

  void submit(int w, std::function<void()> fn) {
    std::lock_guard<std::mutex> g(workers_[w].mu);
    workers_[w].tasks.push_back(std::move(fn));
  }

  void run(int w) {
    for (;;) {
      std::function<void()> fn;
      {
        std::lock_guard<std::mutex> g(workers_[w].mu);
        if (!workers_[w].tasks.empty()) {
          fn = std::move(workers_[w].tasks.front());
          workers_[w].tasks.pop_front();
        }
      }
      if (!fn) {
        idle_++; // RACE: racelint-nonatomic-rmw
        return;
      }
      fn();
    }
  }

  bool allIdle() const { return idle_ == static_cast<int>(workers_.size()); } // RACE: racelint-unguarded-shared-state

private:
  std::vector<Worker> workers_;
  int idle_ = 0;
};

int main() {
  Pool pool(2);
  for (int i = 0; i < 10; ++i)
    pool.submit(i % 2, [] {});
  std::thread a([&pool] { pool.run(0); });
  std::thread b([&pool] { pool.run(1); });
  while (!pool.allIdle())
    std::this_thread::yield();
  a.join();
  b.join();
  return 0;
}
