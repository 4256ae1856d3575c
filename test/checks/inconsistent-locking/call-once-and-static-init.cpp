// RUN: %check_racelint %s racelint-inconsistent-locking,racelint-unguarded-shared-state %t -- -std=c++17 -pthread
// Lazy initialisation through std::call_once or a function-local static is
// thread-safe by the language; racelint stays silent.
#include <mutex>
#include <string>
#include <thread>

std::once_flag InitFlag;
std::string *Config;

static void initConfig() { Config = new std::string("default"); }

const std::string &config() {
  std::call_once(InitFlag, initConfig);
  return *Config;
}

const std::string &name() {
  static const std::string Name = "racelint";
  return Name;
}

int main() {
  std::thread A([] { config(); name(); });
  std::thread B([] { config(); name(); });
  A.join();
  B.join();
  return 0;
}
