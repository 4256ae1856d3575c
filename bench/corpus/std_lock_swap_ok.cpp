// Swapping the contents of two guarded buffers: std::lock takes both
// mutexes without deadlock, adopt_lock guards release them.
#include <mutex>
#include <vector>

class Buffer {
public:
  void append(int v) {
    std::lock_guard<std::mutex> g(mu_);
    data_.push_back(v);
  }
  size_t size() const {
    std::lock_guard<std::mutex> g(mu_);
    return data_.size();
  }
  friend void swapBuffers(Buffer &a, Buffer &b) {
    if (&a == &b)
      return;
    std::lock(a.mu_, b.mu_);
    std::lock_guard<std::mutex> ga(a.mu_, std::adopt_lock);
    std::lock_guard<std::mutex> gb(b.mu_, std::adopt_lock);
    a.data_.swap(b.data_);
  }

private:
  mutable std::mutex mu_;
  std::vector<int> data_;
};
