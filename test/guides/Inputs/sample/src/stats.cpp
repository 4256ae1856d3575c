#include <mutex>

class Stats {
public:
  void add(int N) {
    std::lock_guard<std::mutex> Lock(Mu);
    Total += N;
  }
  int total() const { return Total; }

private:
  mutable std::mutex Mu;
  int Total = 0;
};
