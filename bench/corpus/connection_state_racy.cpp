// A network connection whose state machine is driven by an I/O thread and
// queried by the application: state transitions are locked in connect(),
// but the I/O thread's close path and the byte counters are not.
#include <mutex>
#include <string>
#include <thread>

enum class State { Idle, Connecting, Open, Closed };

class Connection {
public:
  void connect(const std::string &host) {
    std::lock_guard<std::mutex> g(mu_);
    host_ = host;
    state_ = State::Connecting;
  }

  bool isOpen() const {
    std::lock_guard<std::mutex> g(mu_);
    return state_ == State::Open;
  }

  void onReadable(size_t n) {
    bytes_in_ += n; // RACE: racelint-nonatomic-rmw
    std::lock_guard<std::mutex> g(mu_);
    if (state_ == State::Connecting)
      state_ = State::Open;
  }

  void onHangup() { state_ = State::Closed; } // RACE: racelint-inconsistent-locking

  size_t bytesIn() const { return bytes_in_; } // RACE: racelint-unguarded-shared-state

private:
  mutable std::mutex mu_;
  std::string host_;
  State state_ = State::Idle;
  size_t bytes_in_ = 0;
};

int main() {
  Connection c;
  c.connect("example");
  std::thread io([&c] {
    for (int i = 0; i < 10; ++i)
      c.onReadable(100);
    c.onHangup();
  });
  while (!c.isOpen() && c.bytesIn() == 0)
    std::this_thread::yield();
  io.join();
  return 0;
}
