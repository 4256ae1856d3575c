// RUN: %check_racelint %s racelint-unguarded-shared-state %t -- -std=c++17 -pthread
// Non-const member calls on a shared container are writes.
#include <map>
#include <string>
#include <thread>
#include <vector>

std::vector<int> Results;
std::map<std::string, int> Index;
std::vector<int> Config{1, 2, 3};

void producer(int V) {
  Results.push_back(V);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Results' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  Index["last"] = V;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Index' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
}

// Only const reads of Config in the threads: no write, no race.
int reader() { return static_cast<int>(Config.size()) + Config[0]; }

int main() {
  std::thread A(producer, 1), B(producer, 2), C(reader), D(reader);
  A.join();
  B.join();
  C.join();
  D.join();
  return static_cast<int>(Results.size());
}
