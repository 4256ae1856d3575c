// The same client, retuned while requests are in flight: the setter's bare
// write races with the reads send() makes under the socket mutex.
#include <mutex>
#include <string>
#include <thread>

class Client {
public:
  void set_timeout(int s) { timeout_ = s; } /* RACE: racelint-inconsistent-locking */
  int send(const std::string &body) {
    std::lock_guard<std::mutex> g(sock_mu_);
    if (sock_ < 0)
      sock_ = timeout_; /* RACE: racelint-inconsistent-locking */
    sent_ += static_cast<long>(body.size());
    return sock_;
  }

private:
  std::mutex sock_mu_;
  int sock_ = -1;
  long sent_ = 0;
  int timeout_ = 5;
};

int main() {
  Client c;
  std::thread a([&] { c.send("a"); });
  c.set_timeout(10);
  a.join();
  return 0;
}
