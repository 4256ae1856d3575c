// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c++17 -pthread
// A copy constructor reads the source object's fields.
// The source is live and shared: another thread may be updating it under
// its mutex, so reading it without the source's mutex is the deviant. The
// twins lock the source (and the target) first.
#include <map>
#include <mutex>
#include <string>
#include <vector>

class Ballot {
public:
  Ballot() = default;
  Ballot(const Ballot &Src) : Votes(Src.Votes), Turnout(Src.Turnout) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: 'Src.Votes' is read without holding 'Src.Mu', which guards it at 1 of 2 accesses [racelint-inconsistent-locking]
  // CHECK-MESSAGES: :[[@LINE-2]]:61: warning: 'Src.Turnout' is read without holding 'Src.Mu', which guards it at 2 of 3 accesses [racelint-inconsistent-locking]
  void cast(const std::string &Who) {
    std::lock_guard<std::mutex> G(Mu);
    ++Votes[Who];
    ++Turnout;
  }
  int turnout() const {
    std::lock_guard<std::mutex> G(Mu);
    return Turnout;
  }

private:
  mutable std::mutex Mu;
  std::map<std::string, int> Votes;
  int Turnout = 0;
};

class Survey {
public:
  Survey() = default;
  Survey(const Survey &Src) {
    std::lock_guard<std::mutex> G(Src.Mu);
    Answers = Src.Answers;
    Responses = Src.Responses;
  }
  Survey &operator=(const Survey &Src) {
    if (this != &Src) {
      std::scoped_lock G(Mu, Src.Mu);
      Topic = Src.Topic;
    }
    return *this;
  }
  void answer(int A) {
    std::lock_guard<std::mutex> G(Mu);
    Answers.push_back(A);
    ++Responses;
  }
  void retitle(const std::string &T) {
    std::lock_guard<std::mutex> G(Mu);
    Topic = T;
  }
  int responses() const {
    std::lock_guard<std::mutex> G(Mu);
    return Responses;
  }

private:
  mutable std::mutex Mu;
  std::vector<int> Answers;
  int Responses = 0;
  std::string Topic;
};
