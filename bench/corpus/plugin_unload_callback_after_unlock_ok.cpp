// The same plugin host, with the fix: the plugin counts the event under its
// own lock, releases it, and only then calls back into the host. Unloading
// still stops the plugin under the registry lock: one order only.
#include <map>
#include <mutex>
#include <string>
#include <thread>

class Host;

class Plugin {
public:
  explicit Plugin(Host *h) : host_(h) {}
  void shutdown() {
    std::lock_guard<std::mutex> g(mu_);
    running_ = false;
  }
  void fire(const std::string &event);

private:
  std::mutex mu_;
  bool running_ = true;
  int fired_ = 0;
  Host *host_;
};

class Host {
public:
  void add(const std::string &name, Plugin *p) {
    std::lock_guard<std::mutex> g(registry_mu_);
    plugins_[name] = p;
  }
  void unload(const std::string &name) {
    std::lock_guard<std::mutex> g(registry_mu_);
    auto it = plugins_.find(name);
    if (it == plugins_.end())
      return;
    it->second->shutdown();
    plugins_.erase(it);
  }
  void notify(const std::string &event) {
    std::lock_guard<std::mutex> g(registry_mu_);
    events_[event]++;
  }

private:
  std::mutex registry_mu_;
  std::map<std::string, Plugin *> plugins_;
  std::map<std::string, int> events_;
};

void Plugin::fire(const std::string &event) {
  {
    std::lock_guard<std::mutex> g(mu_);
    fired_++;
  }
  host_->notify(event);
}

int main() {
  Host host;
  Plugin p(&host);
  host.add("p", &p);
  std::thread a([&] { p.fire("tick"); });
  std::thread b([&] { host.unload("p"); });
  a.join();
  b.join();
}
