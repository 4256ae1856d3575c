// A file indexer runs on its own member thread and publishes progress in
// plain fields that the UI thread polls.
#include <string>
#include <thread>
#include <vector>

class Indexer {
public:
  explicit Indexer(std::vector<std::string> files) : files_(std::move(files)) {}

  void start() { worker_ = std::thread([this] { run(); }); }
  void wait() { worker_.join(); }

  size_t indexed() const { return indexed_; } // RACE: racelint-unguarded-shared-state
  std::string current() const { return current_; } // RACE: racelint-unguarded-shared-state

private:
  void run() {
    for (const auto &f : files_) {
      current_ = f; // RACE: racelint-unguarded-shared-state
      indexed_ = indexed_ + 1; // RACE: racelint-nonatomic-rmw
    }
  }

  const std::vector<std::string> files_;
  std::thread worker_;
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
