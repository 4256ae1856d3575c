// RUN: %check_racelint %s racelint-inconsistent-locking %t -- -std=c++17 -pthread
// Holding a lock is not enough: it has to be the one that guards the data.
#include <mutex>
#include <thread>
#include <vector>

class TwoLocks {
public:
  void addA(int V) {
    std::lock_guard<std::mutex> L(MuA);
    A.push_back(V);
  }
  void addB(int V) {
    std::lock_guard<std::mutex> L(MuB);
    B.push_back(V);
  }
  size_t sizeA() {
    std::lock_guard<std::mutex> L(MuA);
    return A.size();
  }
  size_t sizeABad() {
    std::lock_guard<std::mutex> L(MuB);
    return A.size();
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'A' is read under 'MuB' instead of 'MuA', which guards it at 2 of 3 accesses [racelint-inconsistent-locking]
  }
  void clearBBad() {
    std::lock_guard<std::mutex> L(MuA);
    B.clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'B' is written under 'MuA' instead of 'MuB', which guards it at 2 of 3 accesses [racelint-inconsistent-locking]
  }
  void clearBGood() {
    std::lock_guard<std::mutex> L(MuB);
    B.clear();
  }

private:
  std::mutex MuA, MuB;
  std::vector<int> A, B;
};

// Lock of another object of the same class.
class Account {
public:
  void deposit(int V) {
    std::lock_guard<std::mutex> L(Mu);
    Balance += V;
  }
  int balance() {
    std::lock_guard<std::mutex> L(Mu);
    return Balance;
  }
  void copyFromBad(Account &Other) {
    std::lock_guard<std::mutex> L(Mu);
    Balance = Other.Balance;
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'Other.Balance' is read under 'Mu' instead of 'Other.Mu', which guards it at 5 of 6 accesses [racelint-inconsistent-locking]
  }
  void copyFromGood(Account &Other) {
    std::scoped_lock L(Mu, Other.Mu);
    Balance = Other.Balance;
  }

private:
  std::mutex Mu;
  int Balance = 0;
};

// Globals: a logging mutex is not the state's mutex.
std::mutex StateMu, LogMu;
int State;
void setState(int V) {
  std::lock_guard<std::mutex> L(StateMu);
  State = V;
}
int getState() {
  std::lock_guard<std::mutex> L(StateMu);
  return State;
}
void logState() {
  std::lock_guard<std::mutex> L(LogMu);
  State = State + 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'State' is updated under 'LogMu' instead of 'StateMu', which guards it at 4 of 6 accesses [racelint-inconsistent-locking]
}
void logStateGood() {
  std::lock_guard<std::mutex> L(StateMu);
  State = State + 0;
}

int main() {
  std::thread T1(setState, 1), T2(getState), T3(logState), T4(logStateGood);
  T1.join();
  T2.join();
  T3.join();
  T4.join();
}
