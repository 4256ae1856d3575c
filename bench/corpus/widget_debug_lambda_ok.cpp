// A UI widget builds a debugging hook that would reset its state without
// the lock; the hook is only ever compiled in, never called.
#include <functional>
#include <mutex>

class Widget {
public:
  void setLabel(int id) {
    std::lock_guard<std::mutex> g(mu_);
    label_id_ = id;
    ++revision_;
  }

  int label() {
    std::lock_guard<std::mutex> g(mu_);
    return label_id_;
  }

  int revision() {
    std::lock_guard<std::mutex> g(mu_);
    return revision_;
  }

  void installDebugHooks() {
    auto reset = [this] {
      label_id_ = 0;
      revision_ = 0;
    };
    (void)sizeof(reset);
  }

private:
  std::mutex mu_;
  int label_id_ = 0;
  int revision_ = 0;
};
