// Partial sums computed with std::async and combined through the futures;
// the input is only read by the tasks.
#include <future>
#include <numeric>
#include <vector>

int main() {
  std::vector<int> data(10000, 1);
  std::vector<std::future<long>> parts;
  for (int p = 0; p < 4; ++p) {
    parts.push_back(std::async(std::launch::async, [&data, p] {
      return std::accumulate(data.begin() + p * 2500, data.begin() + (p + 1) * 2500, 0L);
    }));
  }
  long total = 0;
  for (auto &f : parts)
    total += f.get();
  data.clear();
  return total == 10000 ? 0 : 1;
}
