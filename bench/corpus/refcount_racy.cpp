// An intrusive reference-counted buffer shared between reader threads; the
// count is a plain int.
#include <cstdlib>
#include <thread>
#include <vector>

class Buffer {
public:
  explicit Buffer(size_t n) : data_(static_cast<char *>(std::malloc(n))), size_(n) {}

  void ref() { ++refs_; } // RACE: racelint-nonatomic-rmw
  void unref() {
    if (--refs_ == 0) { // RACE: racelint-nonatomic-rmw
      std::free(data_);
      delete this;
    }
  }
  size_t size() const { return size_; }

private:
  ~Buffer() = default;
  char *data_;
  const size_t size_;
  int refs_ = 1;
};

int main() {
  Buffer *b = new Buffer(1024);
  std::vector<std::thread> readers;
  for (int i = 0; i < 4; ++i) {
    b->ref();
    readers.emplace_back([b] {
      size_t n = b->size();
      (void)n;
      b->unref();
    });
  }
  b->unref();
  for (auto &t : readers)
    t.join();
  return 0;
}
