// RUN: %check_racelint %s racelint-inconsistent-locking %t -- -std=c++17
// One member lock reached through differently typed handles: `this` of a
// base-class method that dispatches to the derived class, and a `void *`
// thread argument cast back to the class. Both name the derived class's
// `mutex_`, the same lock as the derived methods' own `this->mutex_`; the
// accesses under it are consistent. A bare access next to them is still
// the deviant.
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

struct Waiter {
  bool done = false;
  std::condition_variable cv;
};

class Journal {
public:
  virtual ~Journal() = default;
  void append(int v) { write(v); }
  virtual void write(int v) = 0;
};

class FileJournal : public Journal {
public:
  // A group commit: the first waiter writes for the others and marks them
  // done, always under mutex_.
  void write(int v) override {
    Waiter w;
    std::unique_lock<std::mutex> l(mutex_);
    waiters_.push_back(&w);
    while (!w.done && &w != waiters_.front())
      w.cv.wait(l);
    if (w.done)
      return;
    last_ = v;
    Waiter *ready = waiters_.front();
    waiters_.pop_front();
    ready->done = true;
    if (!waiters_.empty())
      waiters_.front()->cv.notify_one();
  }
  static void flushEntry(void *self) {
    static_cast<FileJournal *>(self)->flush();
  }
  void flush() {
    std::lock_guard<std::mutex> l(mutex_);
    last_ = 0;
    if (!waiters_.empty())
      waiters_.front()->done = true;
  }
  std::thread startFlusher() { return std::thread(&FileJournal::flushEntry, this); }

private:
  std::mutex mutex_;
  std::deque<Waiter *> waiters_;
  int last_ = 0;
};

void useJournal(FileJournal &j) {
  std::thread a([&] { j.append(1); });
  std::thread b([&] { j.write(2); });
  std::thread f = j.startFlusher();
  a.join();
  b.join();
  f.join();
}

// The racy twin: the flusher reached through `void *` resets the counter
// without the lock that every other access holds.
class Counter {
public:
  virtual ~Counter() = default;
  void add() { bump(); }
  virtual void bump() = 0;
};

class LockedCounter : public Counter {
public:
  void bump() override {
    std::lock_guard<std::mutex> l(mutex_);
    ++hits_;
  }
  int read() {
    std::lock_guard<std::mutex> l(mutex_);
    return hits_;
  }
  static void resetEntry(void *self) {
    static_cast<LockedCounter *>(self)->reset();
  }
  void reset() { hits_ = 0; }
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'hits_' is written without holding 'mutex_', which guards it at {{[0-9]+}} of {{[0-9]+}} accesses [racelint-inconsistent-locking]
  std::thread startReset() { return std::thread(&LockedCounter::resetEntry, this); }

private:
  std::mutex mutex_;
  int hits_ = 0;
};

void useCounter(LockedCounter &c) {
  std::thread a([&] { c.add(); });
  std::thread b([&] { c.read(); });
  std::thread r = c.startReset();
  a.join();
  b.join();
  r.join();
}
