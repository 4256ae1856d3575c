// An RPC endpoint builds its failover endpoint by copying its tuning into a
// fresh object: the writes go to the new endpoint, the reads of *this are
// reads, so a send() running on another thread does not race with it.
#include <memory>
#include <mutex>
#include <string>
#include <thread>

class Endpoint {
public:
  explicit Endpoint(std::string host) : host_(std::move(host)) {}

  std::unique_ptr<Endpoint> failover(const std::string &host) const {
    auto next = std::make_unique<Endpoint>(host);
    next->inheritFrom(*this);
    return next;
  }

  void send(const std::string &payload) {
    std::lock_guard<std::mutex> g(sock_mu_);
    transmit(payload, timeout_ms_, retries_);
    ++sent_;
  }

private:
  void inheritFrom(const Endpoint &o) {
    timeout_ms_ = o.timeout_ms_;
    retries_ = o.retries_;
  }
  static void transmit(const std::string &, int, int) {}

  std::mutex sock_mu_;
  std::string host_;
  int timeout_ms_ = 250;
  int retries_ = 2;
  long sent_ = 0;
};

int main() {
  Endpoint primary("db-1.internal");
  std::thread client([&primary] {
    for (int i = 0; i < 100; ++i)
      primary.send("ping");
  });
  auto backup = primary.failover("db-2.internal");
  client.join();
  backup->send("ping");
  return 0;
}
