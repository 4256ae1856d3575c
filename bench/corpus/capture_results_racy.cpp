// A batch job collects results from a worker thread into a vector captured
// by reference; the caller checks the size and appends its own result
// while the worker is still running.
#include <string>
#include <thread>
#include <vector>

std::vector<std::string> runBatch(const std::vector<std::string> &inputs) {
  std::vector<std::string> results;
  std::thread worker([&] {
    for (const auto &in : inputs)
      results.push_back(in + ":done");
  });
  if (results.empty()) // RACE: racelint-thread-capture
    results.push_back("started"); // RACE: racelint-thread-capture
  worker.join();
  return results;
}
