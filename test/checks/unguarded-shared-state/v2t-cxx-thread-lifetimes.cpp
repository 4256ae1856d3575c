// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c++20 -pthread
// C++ threads: join() orders only its own std::thread, a std::jthread
// joins when its scope ends, future::get() orders an std::async task,
// std::barrier and std::latch separate phases, and std::call_once runs
// its routine once per flag.
#include <barrier>
#include <future>
#include <latch>
#include <mutex>
#include <thread>

namespace {

int UploadDone;
int IndexDone;
void quietTask() {}
void upload() {
  UploadDone = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'UploadDone' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
}
void reindex() { IndexDone = 1; }

void joinsTheWrongThread() {
  std::thread Quiet(quietTask);
  std::thread Up(upload);
  Quiet.join();
  UploadDone = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'UploadDone' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  Up.join();
}

void joinsTheWriter() {
  std::thread Quiet(quietTask);
  std::thread Ix(reindex);
  Ix.join();
  IndexDone = 0;
  Quiet.join();
}

// A jthread joins at the end of its scope.
int Frames;
int Dropped;
void countFrames() { Frames += 30; }
void countDropped() { Dropped += 1; }
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: non-atomic read-modify-write of shared 'Dropped' with no lock held [racelint-nonatomic-rmw]

void jthreadScoped() {
  {
    std::jthread Counter(countFrames);
  }
  Frames = 0;
}

void jthreadStillAlive() {
  std::jthread Counter(countDropped);
  Dropped = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Dropped' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
}

// std::async: get() waits for the task.
long Parsed;
long Checked;
long parseAll() { Parsed = 900; return Parsed; }
long checkAll() {
  Checked = 900;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Checked' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  return 1;
}

long asyncThenGet() {
  auto F = std::async(std::launch::async, parseAll);
  long N = F.get();
  Parsed = 0;
  return N;
}

long asyncNotYetWaited() {
  auto F = std::async(std::launch::async, checkAll);
  Checked = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Checked' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  return F.get();
}

// std::barrier: the write before arrive_and_wait and the read after it
// are in different phases; two writes after it are in the same phase.
std::barrier<> Sync(2);
int Tile[2];
int Blended;
int Overlay;
void tileWorker() {
  Tile[1] = 7;
  Sync.arrive_and_wait();
  Overlay = 3;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Overlay' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
}

void barrierPhases() {
  std::thread T(tileWorker);
  Tile[0] = 5;
  Sync.arrive_and_wait();
  Blended = Tile[0] + Tile[1];
  Overlay = Blended;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Overlay' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
  T.join();
}

// std::latch: the loader counts down after filling the table.
std::latch Loaded(1);
int Table[4];
int Hint;
void loader() {
  for (int &V : Table)
    V = 1;
  Loaded.count_down();
  Hint = 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Hint' is written with no lock held while another thread can access it [racelint-unguarded-shared-state]
}

int latchWait() {
  std::thread T(loader);
  Loaded.wait();
  int Sum = Table[0] + Table[3] + Hint;
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: 'Hint' is read with no lock held while another thread can access it [racelint-unguarded-shared-state]
  T.join();
  return Sum;
}

// std::call_once with one flag vs two flags.
std::once_flag SchemaOnce;
std::once_flag ThemeOnceA, ThemeOnceB;
int SchemaVersion;
int ThemeColors;
void loadSchema() { SchemaVersion = SchemaVersion + 1; }
void loadTheme() {
  ThemeColors = ThemeColors + 16;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: non-atomic read-modify-write of shared 'ThemeColors' with no lock held [racelint-nonatomic-rmw]
}

void oneFlag() {
  std::thread T([] { std::call_once(SchemaOnce, loadSchema); });
  std::call_once(SchemaOnce, loadSchema);
  T.join();
}

void twoFlags() {
  std::thread T([] { std::call_once(ThemeOnceA, loadTheme); });
  std::call_once(ThemeOnceB, loadTheme);
  T.join();
}

} // namespace

int main() {
  joinsTheWrongThread();
  joinsTheWriter();
  jthreadScoped();
  jthreadStillAlive();
  asyncThenGet();
  asyncNotYetWaited();
  barrierPhases();
  latchWait();
  oneFlag();
  twoFlags();
  return IndexDone + Frames + SchemaVersion + ThemeColors;
}
