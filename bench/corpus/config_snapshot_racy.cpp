// Hot-reloadable settings: the reload thread swaps a shared_ptr while
// request threads copy it, with no lock (shared_ptr assignment is not atomic).
#include <chrono>
#include <memory>
#include <string>
#include <thread>

struct Settings {
  std::string backend;
  int max_conns;
};

class SettingsHolder {
public:
  std::shared_ptr<const Settings> get() const { return current_; } // RACE: racelint-unguarded-shared-state
  void reload(std::shared_ptr<const Settings> s) { current_ = std::move(s); } // RACE: racelint-unguarded-shared-state

private:
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
  for (int i = 0; i < 1000; ++i)
    total += holder.get()->max_conns;
  reloader.join();
  return total > 0 ? 0 : 1;
}
