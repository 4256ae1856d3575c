// A two-stage pipeline object owns its fetcher and parser threads; stop()
// joins the fetcher but detaches the parser, so the caller reads the
// parser's counter while it may still be counting.
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
        ++parsed_; // RACE: racelint-nonatomic-rmw
    });
  }

  void stop() {
    fetcher_.join();
    parser_.detach();
  }

  long fetched() const { return fetched_; }
  long parsed() const { return parsed_; } // RACE: racelint-unguarded-shared-state

private:
  std::thread fetcher_, parser_;
  long fetched_ = 0;
  long parsed_ = 0;
};

int main() {
  static Pipeline p;
  p.start();
  p.stop();
  std::printf("%ld fetched, %ld parsed\n", p.fetched(), p.parsed());
  return 0;
}
