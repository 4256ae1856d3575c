// An RPC endpoint can re-read its tuning from a defaults object; the admin
// thread does that on the live endpoint while a client thread sends, so the
// copy writes this endpoint's fields under send()'s nose.
#include <mutex>
#include <string>
#include <thread>

class Endpoint {
public:
  explicit Endpoint(std::string host) : host_(std::move(host)) {}

  void refreshFrom(const Endpoint &defaults) {
    timeout_ms_ = defaults.timeout_ms_; // RACE: racelint-inconsistent-locking
    retries_ = defaults.retries_; // RACE: racelint-inconsistent-locking
  }

  void send(const std::string &payload) {
    std::lock_guard<std::mutex> g(sock_mu_);
    transmit(payload, timeout_ms_, retries_); // RACE: racelint-inconsistent-locking
    ++sent_;
  }

private:
  static void transmit(const std::string &, int, int) {}

  std::mutex sock_mu_;
  std::string host_;
  int timeout_ms_ = 250;
  int retries_ = 2;
  long sent_ = 0;
};

int main() {
  Endpoint primary("db-1.internal");
  const Endpoint defaults("template");
  std::thread client([&primary] {
    for (int i = 0; i < 100; ++i)
      primary.send("ping");
  });
  primary.refreshFrom(defaults);
  client.join();
  return 0;
}
