// An event source: listeners subscribe from any thread while the dispatcher
// thread iterates the listener list. Subscription locks, dispatch does not.
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
    for (auto &l : listeners_) // RACE: racelint-inconsistent-locking
      l(event);
    dispatched_++; // RACE: racelint-nonatomic-rmw
  }

  long dispatched() const { return dispatched_; } // RACE: racelint-unguarded-shared-state

private:
  std::mutex mu_;
  std::vector<Listener> listeners_;
  long dispatched_ = 0;
};

int main() {
  EventSource src;
  int seen = 0;
  std::thread pump([&src] {
    for (int i = 0; i < 100; ++i)
      src.dispatch(i);
  });
  src.subscribe([&seen](int) { (void)seen; });
  pump.join();
  return src.dispatched() == 100 ? 0 : 1;
}
