// RUN: %racelint --dump-locksets %s -- -std=c++17 | FileCheck %s
// Capability attributes name the lock in the callee's terms; the engine
// rewrites them at the call site.
#define CAPABILITY(x) __attribute__((capability(x)))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define REQUIRES(...) __attribute__((requires_capability(__VA_ARGS__)))
#define SCOPED __attribute__((scoped_lockable))

class CAPABILITY("mutex") Mutex {
public:
  void Lock() ACQUIRE();
  void Unlock() RELEASE();
};

class SCOPED Hold {
public:
  explicit Hold(Mutex &M) ACQUIRE(M);
  ~Hold() RELEASE();
};

struct Account {
  Mutex Mu;
  int Balance;
  void lock() ACQUIRE(Mu);
  void unlock() RELEASE(Mu);
};

Mutex G;

void objectLock(Account &A, Account *P) {
  A.lock();
  P->lock();
  P->unlock();
  A.unlock();
}

void scoped() {
  Hold H(G);
}

void requiresIt() REQUIRES(G) {
  G.Unlock();
  G.Lock();
}

// Expected engine output (reviewed by hand):
// CHECK-LABEL: function 'objectLock'
// CHECK-NEXT: 32:5 acquire A.Mu -> held {A.Mu} maybe {}
// CHECK-NEXT: 33:6 acquire P->Mu -> held {A.Mu, P->Mu} maybe {}
// CHECK-NEXT: 34:6 release P->Mu -> held {A.Mu} maybe {}
// CHECK-NEXT: 35:5 release A.Mu -> held {} maybe {}
// CHECK-LABEL: function 'scoped'
// CHECK-NEXT: 39:8 guard-acquire G -> held {G} maybe {}
// CHECK-NEXT: 40:1 guard-release G -> held {} maybe {}
// CHECK-LABEL: function 'requiresIt'
// CHECK-NEXT: 43:5 release G -> held {} maybe {}
// CHECK-NEXT: 44:5 acquire G -> held {G} maybe {}
