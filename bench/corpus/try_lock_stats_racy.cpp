// A stats sampler whose try_lock result is ignored: the samples are copied
// whether or not the lock was obtained, and then unlocked regardless.
#include <mutex>
#include <thread>
#include <vector>

class Sampler {
public:
  void add(double v) {
    std::lock_guard<std::mutex> g(mu_);
    samples_.push_back(v);
  }

  void snapshot(std::vector<double> &out) {
    bool locked = mu_.try_lock();
    (void)locked;
    out = samples_; // RACE: racelint-inconsistent-locking
    mu_.unlock(); // RACE: racelint-lock-discipline
  }

private:
  std::mutex mu_;
  std::vector<double> samples_;
};

int main() {
  Sampler s;
  std::thread t([&s] {
    for (int i = 0; i < 100; ++i)
      s.add(i);
  });
  std::vector<double> snap;
  s.snapshot(snap);
  t.join();
  return 0;
}
