// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c++17 -pthread
// Copying, moving or swapping a whole object is done by its owner: the
// locks a move assignment takes around every field, or the atomics a swap
// exchanges, guard the transfer and are no evidence that each field is
// shared. A field that ordinary methods keep under the lock is still
// guarded by it, and the reader that forgets the lock is still reported.
#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

// Only the move assignment locks: the name is the owner's to set and read.
class Flow {
public:
  Flow() = default;
  Flow &operator=(Flow &&Rhs) {
    if (this != &Rhs) {
      std::scoped_lock<std::mutex, std::mutex> L(Mu, Rhs.Mu);
      Name = std::move(Rhs.Name);
      Tasks = std::move(Rhs.Tasks);
    }
    return *this;
  }
  void name(const std::string &N) { Name = N; }
  const std::string &name() const { return Name; }
  size_t size() const { return Tasks.size(); }

private:
  std::mutex Mu;
  std::string Name;
  std::vector<int> Tasks;
};

// A logger whose swap exchanges its atomic level: the sinks are written
// only by transfers, and threads only read them.
class Logger {
public:
  explicit Logger(std::string N) : Name(std::move(N)) {}
  Logger(Logger &&Other) noexcept
      : Name(std::move(Other.Name)), Sinks(std::move(Other.Sinks)),
        Level(Other.Level.load(std::memory_order_relaxed)) {}
  void swap(Logger &Other) noexcept {
    Name.swap(Other.Name);
    Sinks.swap(Other.Sinks);
    int Mine = Level.exchange(Other.Level.load());
    Other.Level.store(Mine);
  }
  size_t log(int L, const std::string &Msg) const {
    if (L < Level.load(std::memory_order_relaxed))
      return 0;
    size_t N = 0;
    for (const std::string &S : Sinks)
      N += S.size() + Name.size() + Msg.size();
    return N;
  }

private:
  std::string Name;
  std::vector<std::string> Sinks;
  std::atomic<int> Level{0};
};

// The twin: a counter its methods keep under the lock. The move assignment
// holds it too; the bare reader is the deviant.
class Tally {
public:
  Tally &operator=(Tally &&Rhs) {
    std::scoped_lock<std::mutex, std::mutex> L(Mu, Rhs.Mu);
    Count = Rhs.Count;
    return *this;
  }
  void add() {
    std::lock_guard<std::mutex> G(Mu);
    ++Count;
  }
  void reset() {
    std::lock_guard<std::mutex> G(Mu);
    Count = 0;
  }
  long peek() const { return Count; }
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'Count' is read without holding 'Mu', which guards it at {{[0-9]+}} of {{[0-9]+}} accesses [racelint-inconsistent-locking]

private:
  std::mutex Mu;
  long Count = 0;
};

// A library (no main): public methods are entry points, and a pool of
// threads logs through the shared logger.
Logger Shared("app");
Tally Hits;
std::vector<std::thread> Pool;

void start_pool() {
  for (int I = 0; I < 4; ++I)
    Pool.emplace_back([I] {
      Shared.log(I, "tick");
      Hits.add();
    });
}
void rotate_logger(Logger &Fresh) { Shared.swap(Fresh); }
