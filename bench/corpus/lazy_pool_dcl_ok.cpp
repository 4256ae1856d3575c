// A database client creates its connection pool lazily with double-checked
// locking on an atomic pointer (acquire on the fast path, release on
// publication).
#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct Pool {
  explicit Pool(int n) : size(n) {}
  int size;
};

class Client {
public:
  int query(const std::string &sql) {
    Pool *p = pool_.load(std::memory_order_acquire);
    if (p == nullptr) {
      std::lock_guard<std::mutex> g(mu_);
      p = pool_.load(std::memory_order_relaxed);
      if (p == nullptr) {
        p = new Pool(8);
        pool_.store(p, std::memory_order_release);
      }
    }
    return p->size + static_cast<int>(sql.size());
  }

  ~Client() { delete pool_.load(); }

private:
  std::mutex mu_;
  std::atomic<Pool *> pool_{nullptr};
};

int main() {
  Client c;
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back([&c] { c.query("select 1"); });
  for (auto &t : ts)
    t.join();
  return 0;
}
