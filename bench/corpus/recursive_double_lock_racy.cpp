// A plugin manager that calls its own locked method while already holding a
// plain std::mutex (it was a recursive_mutex once).
#include <map>
#include <mutex>
#include <string>

class PluginManager {
public:
  void load(const std::string &name) {
    std::lock_guard<std::mutex> g(mu_);
    plugins_[name] = true;
  }

  void reloadAll() {
    mu_.lock();
    for (auto &kv : plugins_)
      kv.second = false;
    mu_.lock(); // RACE: racelint-lock-discipline
    plugins_.clear();
    mu_.unlock();
  }

private:
  std::mutex mu_;
  std::map<std::string, bool> plugins_;
};
