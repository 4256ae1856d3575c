// RUN: %check_racelint %s racelint-unguarded-shared-state %t -- -std=c++17 -pthread
// Fields of named global objects, lazy initialisation and helpers that write
// shared state from thread entries.
#include <map>
#include <mutex>
#include <string>
#include <thread>

struct Stats {
  long Requests = 0;
  long Errors = 0;
  std::string LastError;
};
Stats GStats;   // written by threads without a lock
Stats GQuiet;   // only main touches it

static void recordError(const char *E) {
  GStats.LastError = E;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'GStats.LastError' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
}

static void handler(int I) {
  if (I % 7 == 0)
    recordError("seven");
  GStats.Errors = I;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'GStats.Errors' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
}

// Lazy initialisation of a table through a separate flag.
static std::map<int, int> *Table;
static bool TableReady;
static std::map<int, int> &table() {
  if (!TableReady) {
    Table = new std::map<int, int>();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Table' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  }
  return *Table;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'Table' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
}

// The same, through a function-local static: initialised once, safely.
static std::map<int, int> &tableOnce() {
  static std::map<int, int> *T = new std::map<int, int>();
  return *T;
}

// The same, through std::call_once.
static std::once_flag InitFlag;
static std::map<int, int> *Table2;
static std::map<int, int> &tableCallOnce() {
  std::call_once(InitFlag, [] { Table2 = new std::map<int, int>(); });
  return *Table2;
}

static void lookup(int I) {
  (void)table().count(I);
  (void)tableOnce().count(I);
  (void)tableCallOnce().count(I);
}

int main() {
  GQuiet.Requests = 1;
  std::thread A(handler, 1), B(handler, 2), C(lookup, 3), D(lookup, 4);
  A.join();
  B.join();
  C.join();
  D.join();
  GQuiet.Errors = GStats.Errors;
  return static_cast<int>(GQuiet.Errors);
}
