// A batch job whose worker fills a vector captured by reference; the
// caller touches it only after join.
#include <string>
#include <thread>
#include <vector>

std::vector<std::string> runBatch(const std::vector<std::string> &inputs) {
  std::vector<std::string> results;
  results.reserve(inputs.size() + 1);
  results.push_back("started");
  std::thread worker([&] {
    for (const auto &in : inputs)
      results.push_back(in + ":done");
  });
  worker.join();
  results.push_back("finished");
  return results;
}
