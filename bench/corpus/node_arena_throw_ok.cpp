// A scene graph allocates nodes under its mutex. The null check after
// `new` can never fire (plain new throws instead of returning null), so the
// throw that would leave the mutex locked is unreachable.
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
    Node *n = new Node();
    if (n == nullptr)
      throw std::bad_alloc();
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
