// A message router: connections point at their channel, and the channel's
// mutex is reached sometimes through the connection, sometimes through a
// reference to the channel. Same mutex, two names.
#include <deque>
#include <mutex>
#include <string>

struct Channel {
  std::mutex mu;
  std::deque<std::string> outbox;
};

struct Conn {
  Channel *chan;
  int id;
};

class Router {
public:
  void route(Conn &c, const std::string &msg) {
    Channel &ch = *c.chan;
    std::lock_guard<std::mutex> g(ch.mu);
    ch.outbox.push_back(msg);
  }

  void flush(Channel &ch) {
    std::lock_guard<std::mutex> g(ch.mu);
    ch.outbox.clear();
  }

  size_t pending(const Conn &c) {
    std::lock_guard<std::mutex> g(c.chan->mu);
    return c.chan->outbox.size();
  }
};
