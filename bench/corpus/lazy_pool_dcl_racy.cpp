// A database client creates its connection pool lazily with double-checked
// locking on a plain pointer member.
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
    if (pool_ == nullptr) { // RACE: racelint-nonatomic-rmw
      std::lock_guard<std::mutex> g(mu_);
      if (pool_ == nullptr)
        pool_ = new Pool(8);
    }
    return pool_->size + static_cast<int>(sql.size()); // RACE: racelint-inconsistent-locking
  }

  ~Client() { delete pool_; }

private:
  std::mutex mu_;
  Pool *pool_ = nullptr;
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
