// Fields written in the constructor and destructor of a concurrent class
// need no lock: no other thread can see the object yet (or any more).
#include <mutex>
#include <string>
#include <vector>

class Pool {
public:
  explicit Pool(int n) : name_("pool") {
    for (int i = 0; i < n; ++i)
      slots_.push_back(i);
    capacity_ = n;
  }
  ~Pool() {
    slots_.clear();
    capacity_ = 0;
  }

  int take() {
    std::lock_guard<std::mutex> g(mu_);
    if (slots_.empty())
      return -1;
    int s = slots_.back();
    slots_.pop_back();
    return s;
  }
  void give(int s) {
    std::lock_guard<std::mutex> g(mu_);
    slots_.push_back(s);
  }
  int capacity() const {
    std::lock_guard<std::mutex> g(mu_);
    return capacity_;
  }
  const std::string &name() const { return name_; }

private:
  mutable std::mutex mu_;
  const std::string name_;
  std::vector<int> slots_;
  int capacity_ = 0;
};
