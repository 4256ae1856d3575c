// A feature store with a shared_mutex for the flag map and one for the
// rollout config. Both updates lock the flags before the config.
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>

class FeatureStore {
public:
  void setFlag(const std::string &name, bool on) {
    std::unique_lock<std::shared_mutex> w(flags_mu_);
    std::shared_lock<std::shared_mutex> r(cfg_mu_);
    flags_[name] = on && rollout_percent_ > 0;
  }

  void setRollout(int percent) {
    std::shared_lock<std::shared_mutex> r(flags_mu_);
    std::unique_lock<std::shared_mutex> w(cfg_mu_);
    rollout_percent_ = flags_.empty() ? 0 : percent;
  }

private:
  std::shared_mutex flags_mu_, cfg_mu_;
  std::map<std::string, bool> flags_;
  int rollout_percent_ = 100;
};

int main() {
  FeatureStore fs;
  std::thread ui([&fs] {
    for (int i = 0; i < 100; ++i)
      fs.setFlag("dark-mode", i % 2 == 0);
  });
  for (int i = 0; i < 100; ++i)
    fs.setRollout(i);
  ui.join();
  return 0;
}
