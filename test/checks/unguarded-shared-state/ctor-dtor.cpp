// RUN: %check_racelint %s racelint-unguarded-shared-state %t -- -std=c++17
// Constructors and destructors run before and after sharing: silent there.
// close() and isOpen() run on two threads at once.
#include <mutex>
#include <thread>

class Session {
public:
  Session() { Open = 1; }
  ~Session() { Open = 0; }
  void close() { Open = 0; }
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'Open' is written with no lock held, and nothing guards it in concurrent class 'Session' [racelint-unguarded-shared-state]
  bool isOpen() { return Open != 0; }
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'Open' is read with no lock held, and nothing guards it in concurrent class 'Session' [racelint-unguarded-shared-state]
  void touch() {
    std::lock_guard<std::mutex> Lock(Mu);
    ++Touches;
  }

private:
  std::mutex Mu;
  int Open;
  int Touches = 0;
};

int main() {
  Session S;
  std::thread A([&S] { S.close(); });
  std::thread B([&S] { (void)S.isOpen(); S.touch(); });
  A.join();
  B.join();
}
