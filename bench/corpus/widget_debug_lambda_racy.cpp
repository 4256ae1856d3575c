// A UI widget's debugging hook resets its state without the lock, and the
// hook is run on a background thread while the UI thread updates the label.
#include <mutex>
#include <thread>

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

  std::thread startDebugReset() {
    auto reset = [this] {
      label_id_ = 0; // RACE: racelint-inconsistent-locking
      revision_ = 0; // RACE: racelint-inconsistent-locking
    };
    return std::thread(reset);
  }

private:
  std::mutex mu_;
  int label_id_ = 0;
  int revision_ = 0;
};

int main() {
  Widget w;
  std::thread dbg = w.startDebugReset();
  for (int i = 1; i < 100; ++i)
    w.setLabel(i);
  dbg.join();
  return w.revision() >= 0 ? 0 : 1;
}
