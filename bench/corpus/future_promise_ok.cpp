// A request/response handoff through std::promise and std::future; the
// result is produced on the worker and consumed after get().
#include <future>
#include <string>
#include <thread>

static std::string compute(int n) { return std::string(static_cast<size_t>(n), 'x'); }

int main() {
  std::promise<std::string> p;
  std::future<std::string> f = p.get_future();
  std::thread worker([&p] { p.set_value(compute(16)); });
  std::string result = f.get();
  worker.join();
  return result.size() == 16 ? 0 : 1;
}
