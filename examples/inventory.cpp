// A small inventory service shared by worker threads. It has real
// thread-safety defects that racelint reports; see README.md.
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>
#include <vector>

class Inventory {
public:
  // Defect: the early return leaves mu_ locked; the next caller deadlocks.
  bool reserve(const std::string &Item, int Count) {
    mu_.lock();
    auto It = stock_.find(Item);
    if (It == stock_.end())
      return false;
    It->second -= Count;
    mu_.unlock();
    return true;
  }

  void restock(const std::string &Item, int Count) {
    std::lock_guard<std::mutex> Lock(mu_);
    stock_[Item] += Count;
  }

  int total() {
    std::lock_guard<std::mutex> Lock(mu_);
    int Sum = 0;
    for (const auto &Entry : stock_)
      Sum += Entry.second;
    return Sum;
  }

  // Defect: a second lock() of the same std::mutex deadlocks.
  int audit() {
    mu_.lock();
    mu_.lock();
    int Items = static_cast<int>(stock_.size());
    mu_.unlock();
    return Items;
  }

  // Correct: readers share the catalogue lock.
  std::string describe(const std::string &Item) const {
    std::shared_lock<std::shared_mutex> Lock(catalogueMu_);
    auto It = catalogue_.find(Item);
    return It == catalogue_.end() ? "" : It->second;
  }

  // Defect: stock_ is guarded by mu_ everywhere else.
  bool inStock(const std::string &Item) const {
    return stock_.count(Item) != 0;
  }

  // Defect: two threads can both increment from the same old value.
  void countLookup() { lookups_++; }

private:
  mutable std::mutex mu_;
  std::map<std::string, int> stock_;
  long lookups_ = 0;
  mutable std::shared_mutex catalogueMu_;
  std::map<std::string, std::string> catalogue_;
};

int main() {
  Inventory Inv;
  Inv.restock("bolt", 100);
  std::vector<std::thread> Workers;
  for (int I = 0; I < 4; ++I)
    Workers.emplace_back([&Inv] { Inv.reserve("bolt", 1); });
  for (std::thread &T : Workers)
    T.join();
  return Inv.audit() == 1 ? 0 : 1;
}
