// RUN: %check_racelint %s racelint-thread-capture %t -- -std=c++17 -pthread
// Containers, strings and maps captured by reference: non-const calls
// write them, const calls read them.
#include <map>
#include <string>
#include <thread>
#include <vector>

int vectorBad() {
  std::vector<int> V;
  std::thread T([&] { V.push_back(1); });
  V.push_back(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'V' is written while a thread that shares it by reference may still be running [racelint-thread-capture]
  T.join();
  return static_cast<int>(V.size());
}

int vectorGood() {
  std::vector<int> V;
  std::thread T([&] { V.push_back(1); });
  T.join();
  V.push_back(2);
  return static_cast<int>(V.size());
}

int mapBad() {
  std::map<std::string, int> M;
  std::thread T([&] { M["a"] = 1; });
  int N = static_cast<int>(M.count("a"));
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'M' is read while a thread that shares it by reference may still be running [racelint-thread-capture]
  T.join();
  return N;
}

int mapReadersOnly() {
  std::map<std::string, int> M{{"a", 1}};
  std::thread T([&] { (void)M.find("a"); });
  int N = static_cast<int>(M.count("a"));
  T.join();
  return N;
}

std::string stringBad() {
  std::string S = "x";
  std::thread T([&] { S += "y"; });
  S.append("z");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'S' is written while a thread that shares it by reference may still be running [racelint-thread-capture]
  T.join();
  return S;
}

std::string stringGood() {
  std::string S = "x";
  std::string Other = "o";
  std::thread T([&] { S += "y"; });
  Other.append("z"); // not shared with the thread
  T.join();
  return S + Other;
}

// The thread reads, the spawner writes.
int writerSpawnerBad() {
  std::vector<int> V{1, 2, 3};
  std::thread T([&] {
    long Sum = 0;
    for (int X : V)
      Sum += X;
    (void)Sum;
  });
  V.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'V' is written while a thread that shares it by reference may still be running [racelint-thread-capture]
  T.join();
  return 0;
}

// Captured by copy: the thread has its own vector.
int copyGood() {
  std::vector<int> V{1, 2, 3};
  std::thread T([V] { (void)V.size(); });
  V.clear();
  T.join();
  return 0;
}
