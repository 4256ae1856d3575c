// RUN: %check_racelint %s racelint-inconsistent-locking %t -- -std=c++17 -pthread
// Lazy initialisation: double-checked locking on a plain pointer reads it
// without the lock; std::call_once and function-local statics are ordered by
// the language and stay silent.
#include <memory>
#include <mutex>
#include <thread>

struct Widget {
  int V = 0;
};

class Lazy {
public:
  Widget *getBad() {
    if (!Ptr) {
      std::lock_guard<std::mutex> L(Mu);
      if (!Ptr)
        Ptr = new Widget;
    }
    return Ptr;
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'Ptr' is read without holding 'Mu', which guards it at 5 of 7 accesses [racelint-inconsistent-locking]
  }
  Widget *getGood() {
    std::lock_guard<std::mutex> L(Mu);
    if (!Ptr)
      Ptr = new Widget;
    return Ptr;
  }

private:
  std::mutex Mu;
  Widget *Ptr = nullptr;
};

class OnceInit {
public:
  Widget &get() {
    std::call_once(Flag, [this] { W = std::make_unique<Widget>(); });
    return *W;
  }

private:
  std::once_flag Flag;
  std::unique_ptr<Widget> W;
};

Widget &instance() {
  static Widget W;
  return W;
}

static std::mutex TableMu;
static int *Table;
// The early-return check is the outer half of a double-checked
// initialization, like getBad()'s `if (!Ptr)`: nonatomic-rmw reports it
// (nonatomic-rmw/double-checked.cpp). The unlocked return is reported here.
static int *tableBad() {
  if (Table)
    return Table;
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'Table' is read without holding 'TableMu', which guards it at 6 of 8 accesses [racelint-inconsistent-locking]
  std::lock_guard<std::mutex> L(TableMu);
  if (!Table)
    Table = new int[16]();
  return Table;
}
static int *tableGood() {
  std::lock_guard<std::mutex> L(TableMu);
  if (!Table)
    Table = new int[16]();
  return Table;
}

int main() {
  std::thread A([] { tableBad()[0] = 1; });
  std::thread B([] { tableGood()[1] = 2; });
  std::thread C([] { instance().V = 1; });
  A.join();
  B.join();
  C.join();
}
