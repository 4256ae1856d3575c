// A parallel loop over image rows: each thread computes its own maximum in
// a slot of a per-thread vector; the caller combines them after joining.
#include <algorithm>
#include <thread>
#include <vector>

int brightest(const std::vector<int> &pixels, int width) {
  int rows = static_cast<int>(pixels.size()) / width;
  std::vector<int> partial(2, 0);
  std::vector<std::thread> ts;
  for (int t = 0; t < 2; ++t) {
    ts.emplace_back([&pixels, &partial, rows, width, t] {
      int local = 0;
      for (int r = t; r < rows; r += 2)
        for (int c = 0; c < width; ++c)
          local = std::max(local, pixels[r * width + c]);
      partial[t] = local;
    });
  }
  for (auto &t : ts)
    t.join();
  return std::max(partial[0], partial[1]);
}
