// RUN: %check_racelint %s racelint-inconsistent-locking %t -- -std=c++17
// A public method is analysed as an entry point of its own; calls to it
// that hold no extra lock add nothing and are not reported again. Seen in
// spdlog: registry::get_default_raw() and the spdlog:: functions that call
// it.
#include <memory>
#include <mutex>

struct Logger {
  void log(const char *) {}
};

class Registry {
public:
  void setDefault(std::shared_ptr<Logger> L) {
    std::lock_guard<std::mutex> Lock(Mu);
    Default = std::move(L);
  }
  std::shared_ptr<Logger> getDefault() {
    std::lock_guard<std::mutex> Lock(Mu);
    return Default;
  }
  // Unlocked on purpose in spdlog (documented as not thread-safe against
  // setDefault): reported once, here.
  Logger *getDefaultRaw() { return Default.get(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: 'Default' is read without holding 'Mu', which guards it at 2 of 3 accesses [racelint-inconsistent-locking]

private:
  std::mutex Mu;
  std::shared_ptr<Logger> Default;
};

Registry &registry() {
  static Registry R;
  return R;
}

void info(const char *Msg) { registry().getDefaultRaw()->log(Msg); }
void warn(const char *Msg) { registry().getDefaultRaw()->log(Msg); }
void error(const char *Msg) { registry().getDefault()->log(Msg); }
