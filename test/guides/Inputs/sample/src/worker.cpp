#include <mutex>
#include <thread>

static long Processed;
static std::mutex Mu;

static void work() {
  std::lock_guard<std::mutex> Lock(Mu);
  Processed++;
}

int runWorkers() {
  std::thread A(work), B(work);
  A.join();
  B.join();
  return static_cast<int>(Processed);
}
