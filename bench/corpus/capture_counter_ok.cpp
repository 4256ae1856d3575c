// A download counter captured by reference, read only after join, and an
// atomic progress value read while the worker runs.
#include <atomic>
#include <cstdio>
#include <thread>

int main() {
  long downloaded = 0;
  std::atomic<int> chunks{0};
  std::thread fetcher([&] {
    for (int chunk = 0; chunk < 100; ++chunk) {
      downloaded += 4096;
      chunks.fetch_add(1);
    }
  });
  std::printf("progress: %d chunks\n", chunks.load());
  fetcher.join();
  std::printf("done: %ld\n", downloaded);
  return 0;
}
