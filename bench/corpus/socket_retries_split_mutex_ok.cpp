// A client socket with one mutex for the read side and one for the write
// side; the shared retry counter is an atomic.
#include <atomic>
#include <mutex>
#include <thread>

class ClientSocket {
public:
  void onReadTimeout() {
    std::lock_guard<std::mutex> g(read_mu_);
    ++read_timeouts_;
    retries_.fetch_add(1, std::memory_order_relaxed);
  }

  void onWriteBlocked() {
    std::lock_guard<std::mutex> g(write_mu_);
    ++write_stalls_;
    retries_.fetch_add(1, std::memory_order_relaxed);
  }

private:
  std::mutex read_mu_, write_mu_;
  long read_timeouts_ = 0, write_stalls_ = 0;
  std::atomic<long> retries_{0};
};

int main() {
  ClientSocket s;
  std::thread reader([&s] {
    for (int i = 0; i < 1000; ++i)
      s.onReadTimeout();
  });
  std::thread writer([&s] {
    for (int i = 0; i < 1000; ++i)
      s.onWriteBlocked();
  });
  reader.join();
  writer.join();
  return 0;
}
