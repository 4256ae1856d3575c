// A cancellation flag that is a plain bool local captured by reference:
// the caller sets it while the worker is polling it.
#include <chrono>
#include <thread>

long search(long limit) {
  bool cancelled = false;
  long found = -1;
  std::thread worker([&] {
    for (long i = 0; i < limit && !cancelled; ++i)
      if (i * i % 1000003 == 1)
        found = i;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  cancelled = true; // RACE: racelint-thread-capture
  worker.join();
  return found;
}
