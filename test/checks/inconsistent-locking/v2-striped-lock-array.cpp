// RUN: %check_racelint %s racelint-unguarded-shared-state,racelint-inconsistent-locking,racelint-nonatomic-rmw %t -- -std=c++17 -pthread
// Lock striping over namespace-scope arrays: StripeMu[I] guards Hits[I].
// Touching one slot with no stripe lock, or resetting every slot while
// holding none, is the deviant; the twins hold the slot's own stripe (or
// each stripe in turn).
#include <cstddef>
#include <mutex>

namespace stats {
std::mutex StripeMu[16];
long Hits[16];

void add(size_t Key, long N) {
  size_t I = Key % 16;
  std::lock_guard<std::mutex> G(StripeMu[I]);
  Hits[I] += N;
}
long get(size_t Key) {
  size_t I = Key % 16;
  std::lock_guard<std::mutex> G(StripeMu[I]);
  return Hits[I];
}
void poke(size_t Key) {
  size_t I = Key % 16;
  Hits[I] = -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'Hits[I]' is written without holding 'stats::StripeMu[I]', which guards it at 4 of 6 accesses [racelint-inconsistent-locking]
}
void pokeOk(size_t Key) {
  size_t I = Key % 16;
  std::lock_guard<std::mutex> G(StripeMu[I]);
  Hits[I] = -1;
}
void resetAll() {
  for (size_t I = 0; I < 16; ++I)
    Hits[I] = 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'Hits[I]' is written without holding 'stats::StripeMu[I]', which guards it at 4 of 6 accesses [racelint-inconsistent-locking]
}
void resetAllOk() {
  for (size_t I = 0; I < 16; ++I) {
    std::lock_guard<std::mutex> G(StripeMu[I]);
    Hits[I] = 0;
  }
}
} // namespace stats
