// A config loader aborts the process through a [[noreturn]] helper when the
// file is corrupt; the unlocked bookkeeping after the call is unreachable.
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>

[[noreturn]] static void fatal(const char *what) {
  std::fprintf(stderr, "fatal: %s\n", what);
  std::abort();
}

class ConfigLoader {
public:
  void load(const std::string &text) {
    if (text.empty()) {
      fatal("empty config");
      failures_++;
    }
    std::lock_guard<std::mutex> g(mu_);
    text_ = text;
    ++loads_;
  }

  int loads() {
    std::lock_guard<std::mutex> g(mu_);
    return loads_ + failures_;
  }

private:
  std::mutex mu_;
  std::string text_;
  int loads_ = 0;
  int failures_ = 0;
};
