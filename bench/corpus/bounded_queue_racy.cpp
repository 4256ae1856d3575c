// A bounded blocking queue. push/pop are locked and use condition variables,
// but size() and empty() peek at the deque without the lock.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

template <typename T> class BoundedQueue {
public:
  explicit BoundedQueue(size_t cap) : cap_(cap) {}

  void push(T v) {
    std::unique_lock<std::mutex> lock(mu_);
    not_full_.wait(lock, [this] { return items_.size() < cap_; });
    items_.push_back(std::move(v));
    not_empty_.notify_one();
  }

  T pop() {
    std::unique_lock<std::mutex> lock(mu_);
    not_empty_.wait(lock, [this] { return !items_.empty(); });
    T v = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return v;
  }

  size_t size() const { return items_.size(); } // RACE: racelint-inconsistent-locking
  bool empty() const { return items_.empty(); } // RACE: racelint-inconsistent-locking

private:
  const size_t cap_;
  mutable std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<T> items_;
};

int drain(BoundedQueue<int> &q) {
  int sum = 0;
  while (!q.empty())
    sum += q.pop();
  return sum + static_cast<int>(q.size());
}
