// A process-wide id generator backed by an atomic counter, plus a
// per-thread sequence in thread_local storage.
#include <atomic>
#include <cstdint>
#include <thread>
#include <vector>

class IdGenerator {
public:
  static uint64_t next() { return counter_.fetch_add(1) + 1; }
  static uint64_t nextLocal() { return ++local_seq_; }

private:
  static std::atomic<uint64_t> counter_;
  static thread_local uint64_t local_seq_;
};

std::atomic<uint64_t> IdGenerator::counter_{0};
thread_local uint64_t IdGenerator::local_seq_ = 0;

int main() {
  std::vector<std::thread> ts;
  std::vector<uint64_t> ids(4);
  for (int i = 0; i < 4; ++i)
    ts.emplace_back([&ids, i] { ids[i] = IdGenerator::next() + IdGenerator::nextLocal(); });
  for (auto &t : ts)
    t.join();
  return ids[0] != ids[1] ? 0 : 1;
}
