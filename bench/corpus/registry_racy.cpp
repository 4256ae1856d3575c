// A service registry with a shared_mutex: lookups take the shared lock,
// registration takes the exclusive lock, but unregister() and count()
// were added later without any lock.
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
    services_.erase(name); // RACE: racelint-inconsistent-locking
  }

  size_t count() const { return services_.size(); } // RACE: racelint-inconsistent-locking

private:
  mutable std::shared_mutex mu_;
  std::map<std::string, std::shared_ptr<Service>> services_;
};
