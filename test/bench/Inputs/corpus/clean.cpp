#include <atomic>
std::atomic<int> counter{0};
void hit() { counter.fetch_add(1); }
