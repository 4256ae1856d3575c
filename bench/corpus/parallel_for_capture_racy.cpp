// A parallel loop over image rows: each thread writes its own rows of the
// output (fine), but all of them also update a shared "max" local that was
// captured by reference, and the caller prints it before joining.
#include <algorithm>
#include <cstdio>
#include <thread>
#include <vector>

int brightest(const std::vector<int> &pixels, int width) {
  int rows = static_cast<int>(pixels.size()) / width;
  int max_value = 0;
  std::vector<std::thread> ts;
  for (int t = 0; t < 2; ++t) {
    ts.emplace_back([&, t] {
      for (int r = t; r < rows; r += 2)
        for (int c = 0; c < width; ++c)
          if (pixels[r * width + c] > max_value) // RACE: racelint-unguarded-shared-state
            max_value = pixels[r * width + c]; // RACE: racelint-nonatomic-rmw
    });
  }
  std::printf("partial max %d\n", max_value); // RACE: racelint-thread-capture
  for (auto &t : ts)
    t.join();
  return max_value;
}
