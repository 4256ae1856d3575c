// Self-registering plugins: the registry is a function-local static guarded
// by a mutex for run-time registration and lookup.
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using Factory = std::function<int()>;

class Registry {
public:
  static Registry &instance() {
    static Registry r;
    return r;
  }
  void add(const std::string &name, Factory f) {
    std::lock_guard<std::mutex> g(mu_);
    factories_[name] = std::move(f);
  }
  int create(const std::string &name) {
    Factory f;
    {
      std::lock_guard<std::mutex> g(mu_);
      auto it = factories_.find(name);
      if (it == factories_.end())
        return -1;
      f = it->second;
    }
    return f();
  }

private:
  std::mutex mu_;
  std::map<std::string, Factory> factories_;
};

int main() {
  Registry::instance().add("png", [] { return 1; });
  std::vector<std::thread> ts;
  ts.emplace_back([] { Registry::instance().add("jpeg", [] { return 2; }); });
  ts.emplace_back([] { (void)Registry::instance().create("png"); });
  for (auto &t : ts)
    t.join();
  return 0;
}
