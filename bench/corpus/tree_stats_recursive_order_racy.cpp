// A directory tree guarded by a recursive mutex (insert() recurses into
// itself while holding it) plus a statistics mutex. insert() takes the tree
// and then the stats; snapshot() takes the stats and then the tree. The
// recursive mutex does not help against the inversion.
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

class DirTree {
public:
  void insert(const std::string &path) {
    std::lock_guard<std::recursive_mutex> t(tree_mu_);
    auto slash = path.find_last_of('/');
    if (slash != std::string::npos && slash > 0)
      insert(path.substr(0, slash));
    nodes_[path]++;
    std::lock_guard<std::mutex> s(stats_mu_);
    ++inserts_;
  }

  size_t snapshot() {
    std::lock_guard<std::mutex> s(stats_mu_);
    std::lock_guard<std::recursive_mutex> t(tree_mu_); // RACE: racelint-lock-order
    last_snapshot_ = nodes_.size();
    return last_snapshot_ + inserts_;
  }

private:
  std::recursive_mutex tree_mu_;
  std::mutex stats_mu_;
  std::map<std::string, int> nodes_;
  long inserts_ = 0;
  size_t last_snapshot_ = 0;
};

int main() {
  DirTree tree;
  std::thread indexer([&tree] {
    for (int i = 0; i < 100; ++i)
      tree.insert("/var/log/app" + std::to_string(i) + "/current");
  });
  for (int i = 0; i < 10; ++i)
    tree.snapshot();
  indexer.join();
  return 0;
}
