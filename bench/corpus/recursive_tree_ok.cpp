// A directory tree guarded by a recursive_mutex: public methods that call
// each other re-lock it, which is allowed.
#include <map>
#include <memory>
#include <mutex>
#include <string>

class Tree {
public:
  void add(const std::string &path, long size) {
    std::lock_guard<std::recursive_mutex> g(mu_);
    sizes_[path] = size;
    total_ += size;
  }

  long total() const {
    std::lock_guard<std::recursive_mutex> g(mu_);
    return total_;
  }

  void move(const std::string &from, const std::string &to) {
    std::lock_guard<std::recursive_mutex> g(mu_);
    auto it = sizes_.find(from);
    if (it == sizes_.end())
      return;
    long size = it->second;
    sizes_.erase(it);
    total_ -= size;
    add(to, size);
  }

private:
  mutable std::recursive_mutex mu_;
  std::map<std::string, long> sizes_;
  long total_ = 0;
};
