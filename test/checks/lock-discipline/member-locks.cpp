// RUN: %check_racelint %s racelint-lock-discipline %t -- -std=c++17
// Locks are named by access path: a member, a member of another object,
// a member reached through a pointer.
#include <mutex>

struct Node {
  std::mutex Mu;
  int Value = 0;
  Node *Next = nullptr;
};

class Queue {
public:
  void pushBad(int V) {
    Mu_.lock();
    if (V < 0)
      return;
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'Mu_' is still held when 'Queue::pushBad' returns [racelint-lock-discipline]
    // CHECK-NOTES: :[[@LINE-4]]:9: note: 'Mu_' acquired here
    Size_++;
    Mu_.unlock();
  }
  void pushGood(int V) {
    this->Mu_.lock();
    Size_ += V;
    Mu_.unlock();
  }
  void transferGood(Queue &Other) {
    std::scoped_lock L(Mu_, Other.Mu_);
    Size_ += Other.Size_;
    Other.Size_ = 0;
  }

private:
  std::mutex Mu_;
  int Size_ = 0;
};

void objectFieldGood(Node &N) {
  N.Mu.lock();
  N.Value++;
  N.Mu.unlock();
}

void pointerFieldBad(Node *N) {
  N->Mu.lock();
  if (!N->Next)
    return;
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'N->Mu' is still held when 'pointerFieldBad' returns [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-4]]:9: note: 'N->Mu' acquired here
  N->Value++;
  N->Mu.unlock();
}

void twoNodesGood(Node *A, Node *B) {
  A->Mu.lock();
  B->Mu.lock();
  A->Value += B->Value;
  B->Mu.unlock();
  A->Mu.unlock();
}

void wrongNodeBad(Node *A, Node *B) {
  A->Mu.lock();
  A->Value++;
  B->Mu.unlock();
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: unlocking 'B->Mu', which is not held, while holding 'A->Mu' [racelint-lock-discipline]
  // CHECK-NOTES: :[[@LINE-4]]:9: note: 'A->Mu' acquired here
}
