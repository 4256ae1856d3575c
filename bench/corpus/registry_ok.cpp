// A service registry with a shared_mutex: readers share, writers exclude.
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>

struct Service {
  virtual ~Service() = default;
  virtual void ping() = 0;
};

class Registry {
public:
  void add(const std::string &name, std::shared_ptr<Service> s) {
    std::unique_lock<std::shared_mutex> lock(mu_);
    services_[name] = std::move(s);
  }

  std::shared_ptr<Service> find(const std::string &name) const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    auto it = services_.find(name);
    return it == services_.end() ? nullptr : it->second;
  }

  void remove(const std::string &name) {
    std::unique_lock<std::shared_mutex> lock(mu_);
    services_.erase(name);
  }

  size_t count() const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    return services_.size();
  }

  void pingAll() const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    for (const auto &kv : services_)
      kv.second->ping();
  }

private:
  mutable std::shared_mutex mu_;
  std::map<std::string, std::shared_ptr<Service>> services_;
};
