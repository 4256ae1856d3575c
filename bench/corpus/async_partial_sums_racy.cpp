// Partial sums computed with std::async; each task also appends to a shared
// results vector captured by reference, with no lock.
#include <future>
#include <numeric>
#include <vector>

int main() {
  std::vector<int> data(10000, 1);
  std::vector<long> results;
  std::vector<std::future<long>> parts;
  for (int p = 0; p < 4; ++p) {
    parts.push_back(std::async(std::launch::async, [&data, &results, p] {
      long s = std::accumulate(data.begin() + p * 2500, data.begin() + (p + 1) * 2500, 0L);
      results.push_back(s); // RACE: racelint-unguarded-shared-state
      return s;
    }));
  }
  long total = 0;
  for (auto &f : parts)
    total += f.get();
  return total == 10000 && results.size() == 4 ? 0 : 1;
}
