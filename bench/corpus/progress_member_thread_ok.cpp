// A file indexer on a member thread publishes progress under a mutex.
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class Indexer {
public:
  explicit Indexer(std::vector<std::string> files) : files_(std::move(files)) {}

  void start() { worker_ = std::thread([this] { run(); }); }
  void wait() { worker_.join(); }

  size_t indexed() const {
    std::lock_guard<std::mutex> g(mu_);
    return indexed_;
  }
  std::string current() const {
    std::lock_guard<std::mutex> g(mu_);
    return current_;
  }

private:
  void run() {
    for (const auto &f : files_) {
      std::lock_guard<std::mutex> g(mu_);
      current_ = f;
      indexed_ = indexed_ + 1;
    }
  }

  const std::vector<std::string> files_;
  std::thread worker_;
  mutable std::mutex mu_;
  size_t indexed_ = 0;
  std::string current_;
};

int main() {
  Indexer ix({"a.cc", "b.cc", "c.cc"});
  ix.start();
  size_t seen = 0;
  while (seen < 3) {
    seen = ix.indexed();
    (void)ix.current();
  }
  ix.wait();
  return 0;
}
