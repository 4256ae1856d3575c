// RUN: %check_racelint %s racelint-lock-order %t -- -std=c++17
// C++ lock orders: members of two classes, guards, templates; and the
// cases that cannot deadlock.
#include <mutex>
#include <shared_mutex>
#include <thread>
#include <vector>

// --- Two objects that call each other under their own locks.
class Window;
class Screen {
public:
  void repaintAll();
  void detach(Window *W) {
    std::lock_guard<std::mutex> G(Mu);
    Count--;
  }
private:
  std::mutex Mu;
  std::vector<Window *> Windows;
  int Count = 0;
};
class Window {
public:
  explicit Window(Screen *S) : Owner(S) {}
  void close() {
    std::lock_guard<std::mutex> G(Mu);
    Open = false;
    Owner->detach(this);
  }
  void paint() {
    std::lock_guard<std::mutex> G(Mu);
    // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: 'W->Mu' is acquired while 'Mu' is held, but 'Window::close' acquires them in the opposite order; two threads taking both orders can deadlock [racelint-lock-order]
    Frames++;
  }
private:
  std::mutex Mu;
  Screen *Owner;
  bool Open = true;
  int Frames = 0;
};
void Screen::repaintAll() {
  std::lock_guard<std::mutex> G(Mu);
  for (Window *W : Windows)
    W->paint();
}

// Twin: the child releases its lock before calling up.
class Leaf;
class Tree {
public:
  void visitAll();
  void unlink() {
    std::lock_guard<std::mutex> G(Mu);
    Size--;
  }
private:
  std::mutex Mu;
  std::vector<Leaf *> Leaves;
  int Size = 0;
};
class Leaf {
public:
  explicit Leaf(Tree *T) : Owner(T) {}
  void drop() {
    {
      std::lock_guard<std::mutex> G(Mu);
      Alive = false;
    }
    Owner->unlink();
  }
  void visit() {
    std::lock_guard<std::mutex> G(Mu);
    Visits++;
  }
private:
  std::mutex Mu;
  Tree *Owner;
  bool Alive = true;
  int Visits = 0;
};
void Tree::visitAll() {
  std::lock_guard<std::mutex> G(Mu);
  for (Leaf *L : Leaves)
    L->visit();
}

// --- std::scoped_lock and std::lock take several mutexes deadlock-free.
std::mutex From, To;
int FromBal, ToBal;
void transferScoped() {
  std::scoped_lock L(From, To);
  FromBal--;
  ToBal++;
}
void transferBack() {
  std::scoped_lock L(To, From);
  ToBal--;
  FromBal++;
}
void transferStdLock() {
  std::unique_lock<std::mutex> A(To, std::defer_lock), B(From, std::defer_lock);
  std::lock(A, B);
  ToBal++;
}

// --- A recursive mutex re-entered is one lock, not an order.
std::recursive_mutex Rec;
std::mutex Plain;
int Depth;
void recurse(int N) {
  std::lock_guard<std::recursive_mutex> G(Rec);
  if (N > 0)
    recurse(N - 1);
  Depth = N;
}

// --- Shared locks on both sides of the inversion: readers only.
std::shared_mutex IndexMu, DataMu;
int Index, Data;
int readAB() {
  std::shared_lock<std::shared_mutex> A(IndexMu);
  std::shared_lock<std::shared_mutex> B(DataMu);
  return Index + Data;
}
int readBA() {
  std::shared_lock<std::shared_mutex> B(DataMu);
  std::shared_lock<std::shared_mutex> A(IndexMu);
  return Index - Data;
}

// --- A class template, instantiated.
template <typename T> class Pair {
public:
  void forward() {
    std::lock_guard<std::mutex> A(FirstMu);
    std::lock_guard<std::mutex> B(SecondMu);
    Second = First;
  }
  void backward() {
    std::lock_guard<std::mutex> B(SecondMu);
    std::lock_guard<std::mutex> A(FirstMu);
    // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: 'FirstMu' is acquired while 'SecondMu' is held, but 'Pair<int>::forward' acquires them in the opposite order; two threads taking both orders can deadlock [racelint-lock-order]
    First = Second;
  }
private:
  std::mutex FirstMu, SecondMu;
  T First{}, Second{};
};
template class Pair<int>;

// --- A lock the caller cannot spell (reached through a map iterator and a
// static helper) is still the class's lock.
#include <map>
class Conn {
public:
  void close() {
    std::lock_guard<std::mutex> G(Mu);
    Open = false;
  }
  void report();
  std::mutex Mu;
  bool Open = true;
};
class Server {
public:
  void drop(int Id) {
    std::lock_guard<std::mutex> G(ConnsMu);
    auto It = Conns.find(Id);
    if (It != Conns.end())
      shut(It->second);
  }
  void count() {
    std::lock_guard<std::mutex> G(ConnsMu);
    // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: 'TheServer.ConnsMu' is acquired while 'Mu' is held, but 'Server::drop' acquires them in the opposite order; two threads taking both orders can deadlock [racelint-lock-order]
    Reports++;
  }
private:
  static void shut(Conn *C) { C->close(); }
  std::mutex ConnsMu;
  std::map<int, Conn *> Conns;
  int Reports = 0;
};
Server TheServer;
void Conn::report() {
  std::lock_guard<std::mutex> G(Mu);
  TheServer.count();
}

int main() {
  Screen S;
  Window W(&S);
  std::thread T1([&] { W.close(); });
  std::thread T2([&] { S.repaintAll(); });
  Tree Tr;
  Leaf L(&Tr);
  std::thread T3([&] { L.drop(); });
  std::thread T4([&] { Tr.visitAll(); });
  std::thread T5(transferScoped), T6(transferBack), T7(transferStdLock);
  std::thread T8([] { recurse(3); }), T9(readAB), T10(readBA);
  Conn C;
  std::thread T11([&] { C.report(); }), T12([] { TheServer.drop(1); });
  T11.join(); T12.join();
  T1.join(); T2.join(); T3.join(); T4.join(); T5.join();
  T6.join(); T7.join(); T8.join(); T9.join(); T10.join();
}
