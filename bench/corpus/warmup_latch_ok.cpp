// FLAGS: -std=c++20 -pthread
// Cache warm-up: loader threads fill their own shard of the cache and count
// down a std::latch; the server waits on the latch before it reads the
// shards.
#include <latch>
#include <string>
#include <thread>
#include <vector>

int main() {
  constexpr int kShards = 3;
  std::vector<std::vector<std::string>> shards(kShards);
  std::latch warmed(kShards);
  std::vector<std::jthread> loaders;
  for (int s = 0; s < kShards; ++s)
    loaders.emplace_back([&, s] {
      for (int i = 0; i < 100; ++i)
        shards[s].push_back("key-" + std::to_string(s * 100 + i));
      warmed.count_down();
    });
  warmed.wait();
  size_t keys = 0;
  for (const auto &sh : shards)
    keys += sh.size();
  return keys == 300 ? 0 : 1;
}
