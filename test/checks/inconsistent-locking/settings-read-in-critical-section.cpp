// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c++17
// A class configured before use: its setters write bare, and the code that
// uses the settings reads them inside critical sections kept for other
// state. The lock says nothing about the settings; the fields of the class
// vote on its convention.
#include <mutex>
#include <string>

// The connection mutex guards the socket; most fields read under it are
// settings that only setters write, bare: silent.
class Client {
public:
  void set_timeout(int S) { timeout_ = S; }
  void set_retries(int N) { retries_ = N; }
  void set_agent(const std::string &A) { agent_ = A; }
  void set_keep_alive(bool On) { keep_alive_ = On; }
  int send(const std::string &Body) {
    std::lock_guard<std::mutex> G(conn_mu_);
    if (sock_ < 0 || !keep_alive_)
      sock_ = open_socket(timeout_);
    for (int I = 0; I < retries_; ++I)
      sent_ += write_socket(sock_, agent_ + Body);
    return sock_;
  }
  void stop() {
    std::lock_guard<std::mutex> G(conn_mu_);
    sock_ = -1;
  }

private:
  static int open_socket(int Timeout) { return Timeout; }
  static int write_socket(int, const std::string &S) { return S.size(); }
  std::mutex conn_mu_; // guards sock_ and sent_
  int sock_ = -1;
  long sent_ = 0;
  int timeout_ = 5;
  int retries_ = 3;
  std::string agent_;
  bool keep_alive_ = true;
};

// The same shape where the class's setters take the mutex and one forgets
// it: the bare setter is a lapse, reported on both sides.
class Sink {
public:
  void set_pattern(const std::string &P) {
    std::lock_guard<std::mutex> G(mu_);
    pattern_ = P;
  }
  void set_level(int L) {
    std::lock_guard<std::mutex> G(mu_);
    level_ = L;
  }
  void set_colors(bool On) { colors_ = On; }
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'colors_' is written with no lock held, but 'Sink::log' reads it holding 'mu_' [racelint-inconsistent-locking]
  void log(int L, const std::string &Msg) {
    std::lock_guard<std::mutex> G(mu_);
    if (L < level_)
      return;
    if (colors_)
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'colors_' is read under 'mu_', but 'Sink::set_colors' writes it with no lock held [racelint-inconsistent-locking]
      out_ += "\x1b[1m";
    out_ += pattern_ + Msg;
  }

private:
  std::mutex mu_;
  std::string pattern_;
  int level_ = 0;
  bool colors_ = false;
  std::string out_;
};

// A lock held around nothing but the reads of one field is about that
// field: the bare write is its lapse.
class Flag {
public:
  void raise() { up_ = true; }
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'up_' is written with no lock held, but 'Flag::poll' reads it holding 'mu_' [racelint-inconsistent-locking]
  bool poll() {
    std::lock_guard<std::mutex> G(mu_);
    return up_;
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'up_' is read under 'mu_', but 'Flag::raise' writes it with no lock held [racelint-inconsistent-locking]
  }

private:
  std::mutex mu_;
  bool up_ = false;
};
