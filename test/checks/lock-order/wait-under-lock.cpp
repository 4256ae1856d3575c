// RUN: %check_racelint %s racelint-lock-order %t -- -std=c++17
// Waiting on a condition variable releases its own mutex, not the others
// held: a notifier that needs one of those to reach its notify never
// comes.
#include <condition_variable>
#include <mutex>
#include <thread>

std::mutex StateMu, QueueMu;
std::condition_variable QueueCv;
int Items;
bool Stopping;

void consume() {
  std::lock_guard<std::mutex> S(StateMu);
  std::unique_lock<std::mutex> Q(QueueMu);
  while (Items == 0)
    QueueCv.wait(Q);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: waiting on 'QueueCv' while holding 'StateMu', which 'produce' holds when it notifies 'QueueCv'; the notification can never come [racelint-lock-order]
  Items--;
}
void produce() {
  std::lock_guard<std::mutex> S(StateMu);
  {
    std::lock_guard<std::mutex> Q(QueueMu);
    Items++;
  }
  QueueCv.notify_one();
}

// Twin: the notifier holds only the condition variable's own mutex, which
// the wait releases.
std::mutex JobMu, ConfigMu;
std::condition_variable JobCv;
int Jobs;
void worker() {
  std::lock_guard<std::mutex> C(ConfigMu);
  std::unique_lock<std::mutex> J(JobMu);
  while (Jobs == 0)
    JobCv.wait(J);
  Jobs--;
}
void submit() {
  std::lock_guard<std::mutex> J(JobMu);
  Jobs++;
  JobCv.notify_one();
}

int main() {
  std::thread A(consume), B(produce), C(worker), D(submit);
  A.join();
  B.join();
  C.join();
  D.join();
}
