// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// Plain `new` never returns null: it throws std::bad_alloc itself, so a
// null check after it (and the throw or early return inside) cannot run,
// and the lock it would leak is not leaked. `new (std::nothrow)` and
// malloc can return null, so the same early exit does leak the lock.
#include <cstdlib>
#include <mutex>
#include <new>
#include <stdexcept>

struct Entry {
  int Key = 0;
  Entry *Next = nullptr;
};

class Directory {
public:
  Entry *insert(int K) {
    Mu.lock();
    Entry *E = new Entry();
    if (E == nullptr)
      throw std::runtime_error("out of memory");
    E->Key = K;
    E->Next = Head;
    Head = E;
    Mu.unlock();
    return E;
  }
  Entry *insertOrNull(int K) {
    Mu.lock();
    Entry *E = new Entry();
    if (!E)
      return nullptr;
    E->Key = K;
    Head = E;
    Mu.unlock();
    return E;
  }

  Entry *insertNothrow(int K) {
    Mu.lock();
    Entry *E = new (std::nothrow) Entry();
    if (E == nullptr)
      throw std::bad_alloc();
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'Mu' is still held when 'Directory::insertNothrow' exits by throwing [racelint-lock-discipline]
    E->Key = K;
    Head = E;
    Mu.unlock();
    return E;
  }
  Entry *insertMalloc(int K) {
    Mu.lock();
    auto *E = static_cast<Entry *>(std::malloc(sizeof(Entry)));
    if (!E)
      return nullptr;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'Mu' is still held when 'Directory::insertMalloc' returns [racelint-lock-discipline]
    E->Key = K;
    Head = E;
    Mu.unlock();
    return E;
  }

private:
  std::mutex Mu;
  Entry *Head = nullptr;
};
