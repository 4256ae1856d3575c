// An event source that copies the listener list under the lock and calls
// the listeners outside it, so a listener may subscribe without deadlock.
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

class EventSource {
public:
  using Listener = std::function<void(int)>;

  void subscribe(Listener l) {
    std::lock_guard<std::mutex> g(mu_);
    listeners_.push_back(std::move(l));
  }

  void dispatch(int event) {
    std::vector<Listener> snapshot;
    {
      std::lock_guard<std::mutex> g(mu_);
      snapshot = listeners_;
      dispatched_++;
    }
    for (auto &l : snapshot)
      l(event);
  }

  long dispatched() const {
    std::lock_guard<std::mutex> g(mu_);
    return dispatched_;
  }

private:
  mutable std::mutex mu_;
  std::vector<Listener> listeners_;
  long dispatched_ = 0;
};

int main() {
  EventSource src;
  std::thread pump([&src] {
    for (int i = 0; i < 100; ++i)
      src.dispatch(i);
  });
  src.subscribe([](int) {});
  pump.join();
  return src.dispatched() == 100 ? 0 : 1;
}
