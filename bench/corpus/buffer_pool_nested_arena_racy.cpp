// A thread-safe buffer pool: each arena is a nested struct with its own
// mutex. The monitoring call sums the arenas' counters without their locks.
#include <cstddef>
#include <cstdio>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

class BufferPool {
  struct Arena {
    std::mutex mu;
    std::vector<char *> free_list;
    size_t handed_out = 0;
  };

public:
  char *get() {
    Arena &a = local();
    std::lock_guard<std::mutex> g(a.mu);
    ++a.handed_out;
    if (a.free_list.empty())
      return new char[4096];
    char *b = a.free_list.back();
    a.free_list.pop_back();
    return b;
  }

  void put(char *b) {
    Arena &a = local();
    std::lock_guard<std::mutex> g(a.mu);
    --a.handed_out;
    a.free_list.push_back(b);
  }

  size_t outstanding() {
    size_t n = 0;
    for (Arena &a : arenas_)
      n += a.handed_out; // RACE: racelint-inconsistent-locking
    return n;
  }

private:
  Arena &local() {
    size_t h = std::hash<std::thread::id>()(std::this_thread::get_id());
    return arenas_[h % kArenas];
  }
  static constexpr size_t kArenas = 4;
  Arena arenas_[kArenas];
};

inline BufferPool g_buffers;

static void worker() {
  for (int i = 0; i < 1000; ++i) {
    char *b = g_buffers.get();
    b[0] = static_cast<char>(i);
    g_buffers.put(b);
  }
}

int main() {
  std::thread a(worker), b(worker);
  std::printf("outstanding: %zu\n", g_buffers.outstanding());
  a.join();
  b.join();
  return 0;
}
