// RUN: %check_racelint %s racelint-lock-order %t -- -std=c++17
// The notes give both acquisition chains: where each lock is taken and the
// calls that lead to the second one.
#include <mutex>
#include <thread>

std::mutex RegistryMu, SinkMu;
int Sinks, Lines;

void sinkWrite() {
  std::lock_guard<std::mutex> G(SinkMu);
  Lines++;
}
void flushAll() { sinkWrite(); }

void registerSink() {
  std::lock_guard<std::mutex> G(RegistryMu);
  Sinks++;
  flushAll();
}

void rotate() {
  std::lock_guard<std::mutex> G(SinkMu);
  std::lock_guard<std::mutex> R(RegistryMu);
  // CHECK-NOTES: :[[@LINE-1]]:31: warning: 'RegistryMu' is acquired while 'SinkMu' is held, but 'registerSink' acquires them in the opposite order; two threads taking both orders can deadlock [racelint-lock-order]
  // CHECK-NOTES: :[[@LINE-3]]:31: note: 'SinkMu' acquired here
  // CHECK-NOTES: :[[@LINE-10]]:31: note: 'RegistryMu' acquired here, in 'registerSink'
  // CHECK-NOTES: :[[@LINE-9]]:3: note: 'flushAll' called here, with 'RegistryMu' held
  // CHECK-NOTES: :[[@LINE-15]]:19: note: 'sinkWrite' called here, with 'RegistryMu' held
  // CHECK-NOTES: :[[@LINE-19]]:31: note: 'SinkMu' acquired here
  Lines = Sinks;
}

int main() {
  std::thread A(registerSink), B(rotate);
  A.join();
  B.join();
}
