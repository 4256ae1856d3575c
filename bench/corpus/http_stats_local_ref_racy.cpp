// An HTTP front end keeps its counters in a nested struct and updates them
// through a local reference bound to the member. The 5xx path was added
// later and forgets the lock.
#include <mutex>
#include <string>

class Frontend {
public:
  void onResponse(int status, size_t bytes) {
    Counters &c = counters_;
    if (status >= 500) {
      c.server_errors++; // RACE: racelint-inconsistent-locking
      return;
    }
    std::lock_guard<std::mutex> g(mu_);
    c.ok++;
    c.bytes += bytes;
  }

  void onTimeout() {
    std::lock_guard<std::mutex> g(mu_);
    counters_.server_errors++;
  }

  std::string summary() const {
    std::lock_guard<std::mutex> g(mu_);
    return std::to_string(counters_.ok) + " ok, " + std::to_string(counters_.server_errors) +
           " errors, " + std::to_string(counters_.bytes) + " bytes";
  }

private:
  struct Counters {
    long ok = 0;
    long server_errors = 0;
    size_t bytes = 0;
  };
  mutable std::mutex mu_;
  Counters counters_;
};
