// A lazily created configuration object, initialised on first use by
// whichever request thread gets there first: check-then-act with no lock.
#include <string>
#include <thread>
#include <vector>

class Config {
public:
  std::string endpoint = "localhost:8080";
  int retries = 3;
};

static Config *g_config = nullptr;

Config &config() {
  if (g_config == nullptr) // RACE: racelint-unguarded-shared-state
    g_config = new Config(); // RACE: racelint-nonatomic-rmw
  return *g_config; // RACE: racelint-unguarded-shared-state
}

static void handle(int id) {
  int tries = config().retries;
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
