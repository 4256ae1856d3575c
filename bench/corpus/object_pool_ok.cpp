// An object pool with a lock around the free list and the in-use gauge.
#include <mutex>
#include <vector>

struct Connection {
  int fd = -1;
};

class ConnectionPool {
public:
  explicit ConnectionPool(int n) {
    for (int i = 0; i < n; ++i)
      free_.push_back(new Connection());
  }

  Connection *acquire() {
    std::lock_guard<std::mutex> g(mu_);
    if (free_.empty())
      return nullptr;
    Connection *c = free_.back();
    free_.pop_back();
    in_use_++;
    return c;
  }

  void release(Connection *c) {
    std::lock_guard<std::mutex> g(mu_);
    free_.push_back(c);
    in_use_--;
  }

  int inUse() const {
    std::lock_guard<std::mutex> g(mu_);
    return in_use_;
  }

private:
  mutable std::mutex mu_;
  std::vector<Connection *> free_;
  int in_use_ = 0;
};
