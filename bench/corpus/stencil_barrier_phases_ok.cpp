// FLAGS: -std=c++20 -pthread
// A 1-D heat stencil: each worker owns a slice of the grid and, in every
// step, reads its neighbours' edge cells. std::barrier separates the write
// phase from the read phase.
#include <barrier>
#include <thread>
#include <vector>

int main() {
  constexpr int kWorkers = 4, kCells = 64, kSteps = 10;
  std::vector<double> grid(kWorkers * kCells, 1.0), halo(kWorkers * 2, 0.0);
  std::barrier sync(kWorkers);
  std::vector<std::thread> ts;
  for (int w = 0; w < kWorkers; ++w)
    ts.emplace_back([&, w] {
      double *mine = grid.data() + w * kCells;
      for (int s = 0; s < kSteps; ++s) {
        halo[2 * w] = mine[0];
        halo[2 * w + 1] = mine[kCells - 1];
        sync.arrive_and_wait();
        double left = w > 0 ? halo[2 * (w - 1) + 1] : mine[0];
        double right = w + 1 < kWorkers ? halo[2 * (w + 1)] : mine[kCells - 1];
        mine[0] = (left + mine[0] + mine[1]) / 3;
        mine[kCells - 1] = (mine[kCells - 2] + mine[kCells - 1] + right) / 3;
        sync.arrive_and_wait();
      }
    });
  for (auto &t : ts)
    t.join();
  return grid[0] > 0 ? 0 : 1;
}
