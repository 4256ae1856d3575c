// An HTTP-style client configured before use: setters write bare, send()
// reads the settings inside the critical section that keeps the socket.
#include <mutex>
#include <string>
#include <thread>

class Client {
public:
  void set_timeout(int s) { timeout_ = s; }
  void set_retries(int n) { retries_ = n; }
  void set_agent(const std::string &a) { agent_ = a; }
  int send(const std::string &body) {
    std::lock_guard<std::mutex> g(sock_mu_);
    if (sock_ < 0)
      sock_ = timeout_;
    for (int i = 0; i < retries_; ++i)
      sent_ += static_cast<long>(agent_.size() + body.size());
    return sock_;
  }
  void close() {
    std::lock_guard<std::mutex> g(sock_mu_);
    sock_ = -1;
  }

private:
  std::mutex sock_mu_; // guards sock_ and sent_
  int sock_ = -1;
  long sent_ = 0;
  int timeout_ = 5;
  int retries_ = 1;
  std::string agent_ = "x";
};

int main() {
  Client c;
  c.set_timeout(3);
  c.set_retries(2);
  c.set_agent("bench");
  std::thread a([&] { c.send("a"); }), b([&] { c.send("b"); });
  a.join();
  b.join();
  c.close();
  return 0;
}
