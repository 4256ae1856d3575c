// A download progress counter captured by reference into a worker thread;
// the main thread reads and updates it before joining.
#include <cstdio>
#include <thread>

int main() {
  long downloaded = 0;
  std::thread fetcher([&] {
    for (int chunk = 0; chunk < 100; ++chunk)
      downloaded += 4096;
  });
  std::printf("progress: %ld\n", downloaded); // RACE: racelint-thread-capture
  downloaded += 1; // RACE: racelint-thread-capture
  fetcher.join();
  std::printf("done: %ld\n", downloaded);
  return 0;
}
