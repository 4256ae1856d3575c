// A background flusher polls a plain bool to know when to stop.
#include <chrono>
#include <cstdio>
#include <thread>

class Flusher {
public:
  void start() { thread_ = std::thread(&Flusher::run, this); }

  void stop() {
    stopping_ = true; // RACE: racelint-unguarded-shared-state
    thread_.join();
  }

private:
  void run() {
    while (!stopping_) { // RACE: racelint-unguarded-shared-state
      std::fflush(stdout);
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }

  std::thread thread_;
  bool stopping_ = false;
};

int main() {
  Flusher f;
  f.start();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  f.stop();
  return 0;
}
