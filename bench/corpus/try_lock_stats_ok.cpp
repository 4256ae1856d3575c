// A stats sampler that uses try_lock so it never blocks the hot path, and
// only touches the guarded data on the branch where the lock was taken.
#include <mutex>
#include <thread>
#include <vector>

class Sampler {
public:
  void add(double v) {
    std::lock_guard<std::mutex> g(mu_);
    samples_.push_back(v);
  }

  bool trySnapshot(std::vector<double> &out) {
    if (!mu_.try_lock())
      return false;
    out = samples_;
    mu_.unlock();
    return true;
  }

  size_t sizeIfFree() {
    std::unique_lock<std::mutex> lk(mu_, std::try_to_lock);
    if (!lk.owns_lock())
      return 0;
    return samples_.size();
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
  s.trySnapshot(snap);
  (void)s.sizeIfFree();
  t.join();
  return 0;
}
