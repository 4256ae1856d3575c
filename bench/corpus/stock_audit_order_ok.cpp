// A warehouse service: reserve() locks the stock, then the audit trail;
// the nightly audit takes both at once with std::scoped_lock, which never
// holds one while blocking on the other.
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class Warehouse {
public:
  bool reserve(const std::string &sku, int n) {
    std::lock_guard<std::mutex> s(stock_mu_);
    if (stock_[sku] < n)
      return false;
    stock_[sku] -= n;
    std::lock_guard<std::mutex> a(audit_mu_);
    audit_.push_back("reserve " + sku);
    return true;
  }

  size_t audit() {
    std::scoped_lock both(audit_mu_, stock_mu_);
    audit_.push_back("audit of " + std::to_string(stock_.size()) + " skus");
    return audit_.size();
  }

  void restock(const std::string &sku, int n) {
    std::lock_guard<std::mutex> s(stock_mu_);
    stock_[sku] += n;
  }

private:
  std::mutex stock_mu_, audit_mu_;
  std::map<std::string, int> stock_;
  std::vector<std::string> audit_;
};

int main() {
  Warehouse w;
  w.restock("bolt", 1000);
  std::thread orders([&w] {
    for (int i = 0; i < 500; ++i)
      w.reserve("bolt", 1);
  });
  std::thread auditor([&w] {
    for (int i = 0; i < 10; ++i)
      w.audit();
  });
  orders.join();
  auditor.join();
  return 0;
}
