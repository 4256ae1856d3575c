// A process-wide id generator used by several request threads.
#include <cstdint>
#include <thread>
#include <vector>

class IdGenerator {
public:
  static uint64_t next() { return ++counter_; } // RACE: racelint-nonatomic-rmw

private:
  static uint64_t counter_;
};

uint64_t IdGenerator::counter_ = 0;

int main() {
  std::vector<std::thread> ts;
  std::vector<uint64_t> ids(4);
  for (int i = 0; i < 4; ++i)
    ts.emplace_back([&ids, i] { ids[i] = IdGenerator::next(); });
  for (auto &t : ts)
    t.join();
  return ids[0] != ids[1] ? 0 : 1;
}
