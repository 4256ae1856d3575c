// Lazily created configuration: a function-local static (thread-safe since
// C++11) and a std::call_once-initialised pointer.
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class Config {
public:
  std::string endpoint = "localhost:8080";
  int retries = 3;
};

Config &config() {
  static Config instance;
  return instance;
}

static Config *g_fallback = nullptr;
static std::once_flag g_fallback_once;

Config &fallback() {
  std::call_once(g_fallback_once, [] { g_fallback = new Config(); });
  return *g_fallback;
}

static void handle(int id) {
  int tries = config().retries + fallback().retries;
  (void)id;
  (void)tries;
}

int main() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back(handle, i);
  for (auto &t : ts)
    t.join();
  return 0;
}
