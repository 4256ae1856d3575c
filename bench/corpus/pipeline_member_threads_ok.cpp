// A two-stage pipeline object owns its fetcher and parser threads; stop()
// joins both before the caller reads the counters.
#include <cstdio>
#include <thread>

class Pipeline {
public:
  void start() {
    fetcher_ = std::thread([this] {
      for (int i = 0; i < 500; ++i)
        ++fetched_;
    });
    parser_ = std::thread([this] {
      for (int i = 0; i < 500; ++i)
        ++parsed_;
    });
  }

  void stop() {
    fetcher_.join();
    parser_.join();
  }

  long fetched() const { return fetched_; }
  long parsed() const { return parsed_; }

private:
  std::thread fetcher_, parser_;
  long fetched_ = 0;
  long parsed_ = 0;
};

int main() {
  Pipeline p;
  p.start();
  p.stop();
  std::printf("%ld fetched, %ld parsed\n", p.fetched(), p.parsed());
  return 0;
}
