// RUN: %check_racelint %s racelint-unguarded-shared-state %t -- -std=c++17 -pthread
// Lambda thread entries and the helpers they call: a write inside a helper
// is reported at the call in the thread, with a note inside the helper.
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

std::vector<std::string> Messages;
std::vector<std::string> SafeMessages;
std::mutex SafeMu;
std::string Current;
int Mode;

static void logLine(const std::string &S) { Messages.push_back(S); }
// CHECK-MESSAGES: :[[@LINE-1]]:45: warning: 'Messages' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
static void logLineSafe(const std::string &S) {
  std::lock_guard<std::mutex> L(SafeMu);
  SafeMessages.push_back(S);
}

void spawnLoggers() {
  std::thread A([] { logLine("a"); });
  std::thread B([] { logLine("b"); });
  std::thread C([] { logLineSafe("c"); });
  std::thread D([] { logLineSafe("d"); });
  A.join();
  B.join();
  C.join();
  D.join();
}

// The spawner writes while its thread reads.
void spawnReader() {
  std::thread R([] { (void)Current.size(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'Current' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
  Current = "changed";
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Current' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  R.join();
  Current = "after the join";
}

// std::async lambdas started in a loop all write the same global.
void asyncLoop() {
  std::vector<std::future<void>> Fs;
  for (int I = 0; I < 3; ++I)
    Fs.push_back(std::async(std::launch::async, [I] { Mode = I; }));
    // CHECK-MESSAGES: :[[@LINE-1]]:55: warning: 'Mode' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  for (auto &F : Fs)
    F.get();
}

// A thread that only reads, started after every write: silent.
int Threshold;
void readersOnly() {
  Threshold = 5;
  std::thread R1([] { (void)Threshold; });
  std::thread R2([] { (void)Threshold; });
  R1.join();
  R2.join();
}

int main() {
  spawnLoggers();
  spawnReader();
  asyncLoop();
  readersOnly();
}
