// Orders know their book and the book knows its orders. Cancelling an order
// locks the order, then the book (to unlink it); clearing the book locks
// the book, then each order (to mark it cancelled).
#include <mutex>
#include <thread>
#include <vector>

class Book;

class Order {
public:
  explicit Order(Book *b) : book_(b) {}
  void cancel();
  void markCancelled();

private:
  std::mutex mu_;
  bool cancelled_ = false;
  Book *book_;
};

class Book {
public:
  void add(Order *o) {
    std::lock_guard<std::mutex> g(mu_);
    orders_.push_back(o);
  }
  void unlink(Order *o);
  void clear();

private:
  std::mutex mu_;
  std::vector<Order *> orders_;
};

void Order::cancel() {
  std::lock_guard<std::mutex> g(mu_);
  cancelled_ = true;
  book_->unlink(this);
}

void Order::markCancelled() {
  std::lock_guard<std::mutex> g(mu_); // RACE: racelint-lock-order
  cancelled_ = true;
}

void Book::unlink(Order *o) {
  std::lock_guard<std::mutex> g(mu_);
  for (auto &p : orders_)
    if (p == o)
      p = nullptr;
}

void Book::clear() {
  std::lock_guard<std::mutex> g(mu_);
  for (Order *o : orders_)
    if (o)
      o->markCancelled();
  orders_.clear();
}

int main() {
  Book book;
  Order a(&book), b(&book);
  book.add(&a);
  book.add(&b);
  std::thread trader([&a] { a.cancel(); });
  std::thread admin([&book] { book.clear(); });
  trader.join();
  admin.join();
  return 0;
}
