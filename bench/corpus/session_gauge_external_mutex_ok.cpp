// A gauge of open sessions that owns no mutex: the server passes in the
// mutex that protects its session table, and the metrics scrape takes it too.
#include <mutex>
#include <thread>

class SessionGauge {
public:
  void opened(std::mutex &table_mu) {
    std::lock_guard<std::mutex> g(table_mu);
    ++open_;
  }
  void closed(std::mutex &table_mu) {
    std::lock_guard<std::mutex> g(table_mu);
    --open_;
  }
  int scrape(std::mutex &table_mu) const {
    std::lock_guard<std::mutex> g(table_mu);
    return open_;
  }

private:
  int open_ = 0;
};

struct Server {
  std::mutex table_mu;
  SessionGauge gauge;
};

int main() {
  Server s;
  std::thread acceptor([&s] {
    for (int i = 0; i < 1000; ++i) {
      s.gauge.opened(s.table_mu);
      s.gauge.closed(s.table_mu);
    }
  });
  int seen = s.gauge.scrape(s.table_mu);
  acceptor.join();
  return seen >= 0 ? 0 : 1;
}
