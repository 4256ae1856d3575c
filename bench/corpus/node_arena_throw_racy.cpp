// A scene graph allocates nodes under its mutex with nothrow new; when the
// allocation fails, it returns with the mutex still locked.
#include <mutex>
#include <new>
#include <vector>

struct Node {
  int id = 0;
  std::vector<Node *> children;
};

class SceneGraph {
public:
  Node *addNode() {
    mu_.lock();
    Node *n = new (std::nothrow) Node();
    if (n == nullptr)
      return nullptr; // RACE: racelint-lock-discipline
    n->id = next_id_++;
    nodes_.push_back(n);
    mu_.unlock();
    return n;
  }

  size_t size() {
    std::lock_guard<std::mutex> g(mu_);
    return nodes_.size();
  }

private:
  std::mutex mu_;
  int next_id_ = 1;
  std::vector<Node *> nodes_;
};
