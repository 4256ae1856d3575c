// Hot-reloadable settings: the shared_ptr is copied and swapped under a
// mutex; readers then use their own immutable snapshot.
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

struct Settings {
  std::string backend;
  int max_conns;
};

class SettingsHolder {
public:
  std::shared_ptr<const Settings> get() const {
    std::lock_guard<std::mutex> g(mu_);
    return current_;
  }
  void reload(std::shared_ptr<const Settings> s) {
    std::lock_guard<std::mutex> g(mu_);
    current_.swap(s);
  }

private:
  mutable std::mutex mu_;
  std::shared_ptr<const Settings> current_ = std::make_shared<Settings>(Settings{"a", 8});
};

int main() {
  SettingsHolder holder;
  std::thread reloader([&holder] {
    for (int i = 0; i < 10; ++i) {
      holder.reload(std::make_shared<Settings>(Settings{"b", i}));
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  });
  int total = 0;
  for (int i = 0; i < 1000; ++i) {
    auto snap = holder.get();
    total += snap->max_conns;
  }
  reloader.join();
  return total > 0 ? 0 : 1;
}
