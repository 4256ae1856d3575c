// A cancellation flag that is a std::atomic<bool> local captured by
// reference; the result is read after join.
#include <atomic>
#include <chrono>
#include <thread>

long search(long limit) {
  std::atomic<bool> cancelled{false};
  long found = -1;
  std::thread worker([&] {
    for (long i = 0; i < limit && !cancelled.load(); ++i)
      if (i * i % 1000003 == 1)
        found = i;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  cancelled.store(true);
  worker.join();
  return found;
}
