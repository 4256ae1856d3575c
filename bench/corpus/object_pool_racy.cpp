// An object pool: acquire() pops the free list under the lock, release()
// pushes back without it, and the in-use gauge is updated bare.
#include <mutex>
#include <vector>

struct Connection {
  int fd = -1;
};

class ConnectionPool {
public:
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
    free_.push_back(c); // RACE: racelint-inconsistent-locking
    in_use_--; // RACE: racelint-inconsistent-locking
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
