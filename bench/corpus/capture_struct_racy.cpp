// A local statistics struct captured by reference into two threads that
// both update it, while the caller prints it before joining.
#include <cstdio>
#include <thread>

struct Tally {
  long words = 0;
  long lines = 0;
};

void countBoth(const char *a, const char *b) {
  Tally tally;
  auto count = [&tally](const char *s) {
    for (; *s; ++s) {
      if (*s == ' ')
        tally.words++; // RACE: racelint-nonatomic-rmw
      if (*s == '\n')
        tally.lines++; // RACE: racelint-nonatomic-rmw
    }
  };
  std::thread t1(count, a);
  std::thread t2(count, b);
  std::printf("%ld words so far\n", tally.words); // RACE: racelint-thread-capture
  t1.join();
  t2.join();
}
