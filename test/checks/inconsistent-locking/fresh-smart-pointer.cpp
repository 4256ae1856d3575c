// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c++17 -pthread
// A project's own make_unique returns a fresh object like `new` does, and
// so does a function returning the smart pointer it got from it: each
// request's response belongs to the thread that asked for it. Storage
// several threads really share (the client's last response, a global
// tally) is still reported.
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

namespace util {
template <class T, class... Args> std::unique_ptr<T> make_unique(Args &&...A) {
  return std::unique_ptr<T>(new T(std::forward<Args>(A)...));
}
template <class T> std::shared_ptr<T> make_shared_like() {
  return std::shared_ptr<T>(new T());
}
} // namespace util

struct Response {
  int status = 0;
  int retries = 0;
  std::string body;
};

class Client {
public:
  std::unique_ptr<Response> get(const std::string &Path) {
    auto Res = util::make_unique<Response>();
    send(Path, *Res);
    return Res;
  }
  std::shared_ptr<Response> head(const std::string &Path) {
    auto Res = util::make_shared_like<Response>();
    send(Path, *Res);
    return Res;
  }
  int refresh(const std::string &Path) {
    std::lock_guard<std::mutex> G(mu_);
    last_.status = Path.empty() ? 400 : 200;
    return last_.status;
  }
  // The last response is the client's own: filled under the lock, read
  // bare here.
  int last_status() const { return last_.status; }
  // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: 'last_.status' is read without holding 'mu_', which guards it at {{[0-9]+}} of {{[0-9]+}} accesses [racelint-inconsistent-locking]

private:
  void send(const std::string &Path, Response &Res) {
    std::lock_guard<std::mutex> G(mu_);
    ++requests_;
    Res.status = Path.empty() ? 400 : 200;
    Res.body = Path;
  }
  std::mutex mu_;
  long requests_ = 0;
  Response last_;
};

Client TheClient;
Response Shared;
Response *Latest;

void fetch(const char *Path) {
  auto R = TheClient.get(Path);
  R->retries++;
  // Published through a global: no longer this thread's alone.
  auto P = util::make_unique<Response>();
  P->retries = 1;
  Latest = P.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Latest' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  P->retries = 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'P->retries' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  std::shared_ptr<Response> H = TheClient.head(Path);
  if (H->status != 200)
    H->retries += 1;
  Shared.retries++;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: non-atomic read-modify-write of shared 'Shared.retries' with no lock held [racelint-nonatomic-rmw]
  TheClient.refresh(Path);
  if (TheClient.last_status() != 200)
    Shared.status = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'Shared.status' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
}

int main() {
  std::thread A(fetch, "/a"), B(fetch, "/b");
  A.join();
  B.join();
  return Shared.status;
}
