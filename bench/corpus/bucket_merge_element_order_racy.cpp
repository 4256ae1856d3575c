// A hash table that merges an overfull bucket into a sibling: merge(i, j)
// locks bucket i, then bucket j. The rebalancer threads merge in both
// directions.
#include <mutex>
#include <thread>
#include <vector>

class BucketTable {
  struct Bucket {
    std::mutex mu;
    std::vector<int> keys;
  };

public:
  explicit BucketTable(size_t n) : buckets_(n) {}

  void merge(size_t i, size_t j) {
    if (i == j)
      return;
    std::lock_guard<std::mutex> a(buckets_[i].mu);
    std::lock_guard<std::mutex> b(buckets_[j].mu); // RACE: racelint-lock-order
    auto &src = buckets_[i].keys;
    buckets_[j].keys.insert(buckets_[j].keys.end(), src.begin(), src.end());
    src.clear();
  }

private:
  std::vector<Bucket> buckets_;
};

int main() {
  BucketTable t(16);
  std::thread left([&t] {
    for (int k = 0; k < 1000; ++k)
      t.merge(4, 5);
  });
  std::thread right([&t] {
    for (int k = 0; k < 1000; ++k)
      t.merge(5, 4);
  });
  left.join();
  right.join();
  return 0;
}
