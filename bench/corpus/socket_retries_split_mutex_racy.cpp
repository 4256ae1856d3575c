// A client socket with one mutex for the read side and one for the write
// side. Both sides bump the shared retry counter, each under its own mutex.
#include <mutex>
#include <thread>

class ClientSocket {
public:
  void onReadTimeout() {
    std::lock_guard<std::mutex> g(read_mu_);
    ++read_timeouts_;
    ++retries_; // RACE: racelint-inconsistent-locking
  }

  void onWriteBlocked() {
    std::lock_guard<std::mutex> g(write_mu_);
    ++write_stalls_;
    retries_ += 1; // RACE: racelint-inconsistent-locking
  }

private:
  std::mutex read_mu_, write_mu_;
  long read_timeouts_ = 0, write_stalls_ = 0;
  long retries_ = 0;
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
