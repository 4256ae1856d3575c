// A server loads its configuration and then its routes at start-up,
// locking routes before config, before any worker exists. Workers always
// take config before routes.
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

std::mutex ConfigMu, RoutesMu;
std::map<std::string, std::string> Config;
std::map<std::string, int> Routes;

void loadAll() {
  std::lock_guard<std::mutex> R(RoutesMu);
  std::lock_guard<std::mutex> C(ConfigMu);
  Config["root"] = "/srv";
  Routes["/"] = 1;
}

void serve() {
  std::lock_guard<std::mutex> C(ConfigMu);
  std::lock_guard<std::mutex> R(RoutesMu);
  Routes[Config["root"]]++;
}

int main() {
  loadAll();
  std::vector<std::thread> Workers;
  for (int I = 0; I < 4; ++I)
    Workers.emplace_back(serve);
  for (std::thread &W : Workers)
    W.join();
}
