// RUN: %check_racelint %s racelint-unguarded-shared-state %t -- -std=c++17
// Constructors and destructors run before and after sharing: silent there.
#include <mutex>

class Session {
public:
  Session() { Open = 1; }
  ~Session() { Open = 0; }
  void close() { Open = 0; }
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'Open' is written with no lock held, and nothing guards it in concurrent class 'Session' [racelint-unguarded-shared-state]
  bool isOpen() { return Open != 0; }
  void touch() {
    std::lock_guard<std::mutex> Lock(Mu);
    ++Touches;
  }

private:
  std::mutex Mu;
  int Open;
  int Touches = 0;
};
