// RUN: %check_racelint %s racelint-thread-capture %t -- -std=c++20 -pthread
// std::async and std::jthread share by-reference captures the same way
// std::thread does: the spawner must wait (get(), wait(), join(), or the
// jthread's destructor) before touching them.
#include <future>
#include <string>
#include <thread>
#include <vector>

int asyncBad() {
  int Sum = 0;
  auto F = std::async(std::launch::async, [&] { Sum = 10; });
  Sum = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Sum' is written while a thread that shares it by reference may still be running [racelint-thread-capture]
  F.get();
  return Sum;
}

int asyncGood() {
  int Sum = 0;
  auto F = std::async(std::launch::async, [&] { Sum = 10; });
  F.wait();
  Sum += 1;
  return Sum;
}

int jthreadBad() {
  std::vector<int> Out;
  std::jthread T([&] { Out.push_back(1); });
  return static_cast<int>(Out.size());
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'Out' is read while a thread that shares it by reference may still be running [racelint-thread-capture]
}

int jthreadGood() {
  std::vector<int> Out;
  {
    std::jthread T([&] { Out.push_back(1); });
  } // the jthread joins here
  return static_cast<int>(Out.size());
}

int jthreadJoined() {
  std::string S;
  std::jthread T([&] { S = "done"; });
  T.join();
  return static_cast<int>(S.size());
}

int jthreadStringBad() {
  std::string S;
  std::jthread T([&] { S = "done"; });
  S.clear();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'S' is written while a thread that shares it by reference may still be running [racelint-thread-capture]
  T.join();
  return 0;
}

int asyncReadOnly() {
  const int Base = 5;
  int Scale = 2;
  auto F = std::async(std::launch::async, [&] { return Base * Scale; });
  int Local = Scale + 1; // both sides only read
  return F.get() + Local;
}

int asyncCaptureByCopy() {
  int N = 3;
  auto F = std::async(std::launch::async, [N]() mutable { return ++N; });
  N = 7; // the thread has its own copy
  return F.get() + N;
}
