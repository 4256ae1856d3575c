// A message router: each connection has its own channel and a peer
// channel. reply() locks the peer channel's mutex but appends to the
// connection's own outbox.
#include <deque>
#include <mutex>
#include <string>

struct Channel {
  std::mutex mu;
  std::deque<std::string> outbox;
};

struct Conn {
  Channel *chan;
  Channel *peer;
  int id;
};

class Router {
public:
  void route(Conn &c, const std::string &msg) {
    Channel &ch = *c.chan;
    std::lock_guard<std::mutex> g(ch.mu);
    ch.outbox.push_back(msg);
  }

  void reply(Conn &c, const std::string &msg) {
    std::lock_guard<std::mutex> g(c.peer->mu);
    c.chan->outbox.push_back("re: " + msg); // RACE: racelint-inconsistent-locking
  }

  void flush(Channel &ch) {
    std::lock_guard<std::mutex> g(ch.mu);
    ch.outbox.clear();
  }
};
