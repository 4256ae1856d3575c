// Double-checked locking on a plain pointer: the first check reads the
// pointer without the lock that guards its initialisation.
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct Dictionary {
  std::vector<std::string> words{"alpha", "beta", "gamma"};
};

static Dictionary *g_dict = nullptr;
static std::mutex g_dict_mu;

const Dictionary &dictionary() {
  if (g_dict == nullptr) { // RACE: racelint-nonatomic-rmw
    std::lock_guard<std::mutex> g(g_dict_mu);
    if (g_dict == nullptr)
      g_dict = new Dictionary();
  }
  return *g_dict; // RACE: racelint-inconsistent-locking
}

int main() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back([] { (void)dictionary().words.size(); });
  for (auto &t : ts)
    t.join();
  return 0;
}
