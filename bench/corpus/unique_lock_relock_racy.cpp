// A work-stealing deque where the steal path unlocks early to do the
// expensive copy and then touches the deque again without relocking.
#include <deque>
#include <mutex>
#include <optional>

class StealQueue {
public:
  void push(int v) {
    std::lock_guard<std::mutex> g(mu_);
    items_.push_back(v);
  }

  std::optional<int> pop() {
    std::lock_guard<std::mutex> g(mu_);
    if (items_.empty())
      return std::nullopt;
    int v = items_.back();
    items_.pop_back();
    return v;
  }

  std::optional<int> steal() {
    std::unique_lock<std::mutex> lk(mu_);
    if (items_.empty())
      return std::nullopt;
    lk.unlock();
    int v = items_.front(); // RACE: racelint-inconsistent-locking
    items_.pop_front(); // RACE: racelint-inconsistent-locking
    return v;
  }

private:
  std::mutex mu_;
  std::deque<int> items_;
};
