#include <mutex>
#include <thread>

static long Processed;
static long Retries;
static std::mutex Mu;

static void work() {
  std::lock_guard<std::mutex> Lock(Mu);
  Processed++;
}

static void retry() { Retries++; }

int runWorkers() {
  std::thread A(work), B(work), C(retry), D(retry);
  A.join();
  B.join();
  C.join();
  D.join();
  return static_cast<int>(Processed + Retries);
}
