// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// Templates are analysed as written and per instantiation, reported once.
#include <mutex>
#include <shared_mutex>

template <typename M> struct Box {
  M Mu;
  int Value = 0;
  void setGood(int V) {
    std::lock_guard<M> G(Mu);
    Value = V;
  }
  void setBad(int V) {
    Mu.lock();
    if (V < 0)
      return;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'Mu' is still held when 'Box<std::mutex>::setBad' returns [racelint-lock-discipline]
    Value = V;
    Mu.unlock();
  }
};

template <typename M> void bump(M &Mu, int &Value) {
  Mu.lock();
  ++Value;
  Mu.unlock();
}

void use() {
  Box<std::mutex> B;
  B.setGood(1);
  B.setBad(2);
  std::mutex M;
  int V = 0;
  bump(M, V);
  std::shared_mutex S;
  bump(S, V);
}
