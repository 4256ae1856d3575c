// A config loader reports a corrupt file through a helper that only logs
// and returns, so the unlocked bookkeeping after the call does run.
#include <cstdio>
#include <mutex>
#include <string>

static void complain(const char *what) { std::fprintf(stderr, "error: %s\n", what); }

class ConfigLoader {
public:
  void load(const std::string &text) {
    if (text.empty()) {
      complain("empty config");
      failures_++; // RACE: racelint-inconsistent-locking
      return;
    }
    std::lock_guard<std::mutex> g(mu_);
    text_ = text;
    ++loads_;
  }

  void reset() {
    std::lock_guard<std::mutex> g(mu_);
    loads_ = 0;
    failures_ = 0;
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
