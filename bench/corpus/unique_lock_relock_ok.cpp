// A work-stealing deque: steal takes the item under the lock, then unlocks
// before the caller's expensive work.
#include <deque>
#include <mutex>
#include <optional>

class StealQueue {
public:
  void push(int v) {
    std::lock_guard<std::mutex> g(mu_);
    items_.push_back(v);
  }

  std::optional<int> steal(long &work) {
    std::unique_lock<std::mutex> lk(mu_);
    if (items_.empty())
      return std::nullopt;
    int v = items_.front();
    items_.pop_front();
    lk.unlock();
    for (int i = 0; i < v; ++i)
      work += i;
    lk.lock();
    stolen_++;
    return v;
  }

  long stolen() {
    std::lock_guard<std::mutex> g(mu_);
    return stolen_;
  }

private:
  std::mutex mu_;
  std::deque<int> items_;
  long stolen_ = 0;
};
