// RUN: %check_racelint %s racelint-inconsistent-locking %t -- -std=c++17
// Two locks each held around a field at several places: the guard is the
// lock held at more statements, not at more call-chain instances. A helper
// called from many request paths under the request lock is one statement;
// the socket lock is taken around the socket at every place that changes
// it. (A library class: each public method is an entry point of its own.)
#include <mutex>

class Client {
public:
  int get() { std::lock_guard<std::recursive_mutex> G(RequestMu); return Sock; }
  int post() { std::lock_guard<std::recursive_mutex> G(RequestMu); return Sock + 1; }
  int put() { std::lock_guard<std::recursive_mutex> G(RequestMu); return Sock + 2; }
  // CHECK-MESSAGES: :[[@LINE-3]]:74: warning: 'Sock' is read under 'RequestMu' instead of 'SocketMu', which guards it at 6 of 17 accesses [racelint-inconsistent-locking]
  // CHECK-MESSAGES: :[[@LINE-3]]:75: warning: 'Sock' is read under 'RequestMu' instead of 'SocketMu', which guards it at 6 of 17 accesses [racelint-inconsistent-locking]
  // CHECK-MESSAGES: :[[@LINE-3]]:74: warning: 'Sock' is read under 'RequestMu' instead of 'SocketMu', which guards it at 6 of 17 accesses [racelint-inconsistent-locking]
  void r1() { std::lock_guard<std::recursive_mutex> G(RequestMu); use(); }
  void r2() { std::lock_guard<std::recursive_mutex> G(RequestMu); use(); }
  void r3() { std::lock_guard<std::recursive_mutex> G(RequestMu); use(); }
  void r4() { std::lock_guard<std::recursive_mutex> G(RequestMu); use(); }
  void r5() { std::lock_guard<std::recursive_mutex> G(RequestMu); use(); }
  void r6() { std::lock_guard<std::recursive_mutex> G(RequestMu); use(); }
  void r7() { std::lock_guard<std::recursive_mutex> G(RequestMu); use(); }
  void r8() { std::lock_guard<std::recursive_mutex> G(RequestMu); use(); }
  // Connecting happens inside a request: both locks.
  void open() {
    std::lock_guard<std::recursive_mutex> G(RequestMu);
    std::lock_guard<std::mutex> S(SocketMu);
    Sock = 3;
  }
  void close() {
    std::lock_guard<std::mutex> S(SocketMu);
    Sock = -1;
  }
  void shutdown() {
    std::lock_guard<std::mutex> S(SocketMu);
    if (Sock >= 0)
      Sock = -2;
  }
  void reconnect() {
    std::lock_guard<std::mutex> S(SocketMu);
    Sock = 4;
  }
  void drop() {
    std::lock_guard<std::mutex> S(SocketMu);
    Sock = -3;
  }

private:
  int use() { return Sock; }
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'Sock' is read under 'RequestMu' instead of 'SocketMu', which guards it at 6 of 17 accesses [racelint-inconsistent-locking]
  std::recursive_mutex RequestMu;
  std::mutex SocketMu;
  int Sock = -1;
};
