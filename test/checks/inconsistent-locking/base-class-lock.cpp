// RUN: %check_racelint %s racelint-inconsistent-locking,racelint-unguarded-shared-state %t -- -std=c++17
// A mutex declared in a base class guards the derived class's fields: the
// base's log() takes it around the derived write(), the derived setters
// take it by its qualified name. Seen from callers that know the sink only
// by its type (a shared_ptr handed to a thread), the lock of the base part
// is the lock of the same object: one lock, not "under 'Mu' instead of
// 'Mu'". A derived field touched without it is still reported.
#include <memory>
#include <mutex>
#include <thread>

class SinkBase {
public:
  void log(int V) {
    std::lock_guard<std::mutex> G(Mu);
    write(V);
  }

protected:
  virtual void write(int V) = 0;
  std::mutex Mu;
};

// Every access under the base's lock.
class CountingSink : public SinkBase {
public:
  void setDelay(int D) {
    std::lock_guard<std::mutex> G(SinkBase::Mu);
    Delay = D;
  }
  int count() {
    std::lock_guard<std::mutex> G(SinkBase::Mu);
    return Count;
  }

protected:
  void write(int V) override {
    Count += V;
    Last = Delay;
  }

private:
  int Delay = 0;
  int Count = 0;
  int Last = 0;
};

void runCounting() {
  auto S = std::make_shared<CountingSink>();
  S->setDelay(2);
  std::thread T([S] { S->log(1); });
  S->setDelay(3);
  T.join();
}

// The same, with a reset that forgets the lock.
class LeakySink : public SinkBase {
public:
  void setLimit(int L) {
    std::lock_guard<std::mutex> G(SinkBase::Mu);
    Limit = L;
  }
  void reset() { Seen = 0; }
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'Seen' is written without holding 'Mu', which guards it at 3 of 5 accesses and the other fields of its object at 2 of 2 statements [racelint-inconsistent-locking]

protected:
  void write(int V) override {
    if (V < Limit)
      Seen += V;
  }

private:
  int Limit = 0;
  int Seen = 0;
};

void runLeaky() {
  auto S = std::make_shared<LeakySink>();
  S->setLimit(2);
  std::thread T([S] { S->log(1); });
  S->reset();
  T.join();
}
