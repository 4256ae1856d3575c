// A bounded blocking queue whose observers take the lock as well.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <thread>

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

  size_t size() const {
    std::lock_guard<std::mutex> lock(mu_);
    return items_.size();
  }

private:
  const size_t cap_;
  mutable std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<T> items_;
};

int main() {
  BoundedQueue<int> q(8);
  std::thread producer([&q] {
    for (int i = 0; i < 100; ++i)
      q.push(i);
    q.push(-1);
  });
  int sum = 0;
  for (int v = q.pop(); v >= 0; v = q.pop())
    sum += v;
  producer.join();
  return sum == 4950 && q.size() == 0 ? 0 : 1;
}
