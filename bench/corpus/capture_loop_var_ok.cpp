// Threads started in a loop capture the loop index by value and write only
// their own slot of a pre-sized vector of results.
#include <thread>
#include <vector>

std::vector<long> squares(int n) {
  std::vector<long> out(static_cast<size_t>(n));
  std::vector<std::thread> ts;
  for (int i = 0; i < n; ++i)
    ts.emplace_back([&out, i] { out[static_cast<size_t>(i)] = static_cast<long>(i) * i; });
  for (auto &t : ts)
    t.join();
  return out;
}
