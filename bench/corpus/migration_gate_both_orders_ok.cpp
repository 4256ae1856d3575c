// Shard migration moves entries between two shards in either direction.
// Each direction locks its source, then its destination, but every
// migration first takes the migration gate, so at most one runs at a time.
#include <map>
#include <mutex>
#include <string>
#include <thread>

std::mutex MigrationGate;
std::mutex ShardAMu, ShardBMu;
std::map<std::string, int> ShardA, ShardB;

void moveAToB(const std::string &K) {
  std::lock_guard<std::mutex> Gate(MigrationGate);
  std::lock_guard<std::mutex> Src(ShardAMu);
  std::lock_guard<std::mutex> Dst(ShardBMu);
  auto It = ShardA.find(K);
  if (It != ShardA.end()) {
    ShardB[K] = It->second;
    ShardA.erase(It);
  }
}

void moveBToA(const std::string &K) {
  std::lock_guard<std::mutex> Gate(MigrationGate);
  std::lock_guard<std::mutex> Src(ShardBMu);
  std::lock_guard<std::mutex> Dst(ShardAMu);
  auto It = ShardB.find(K);
  if (It != ShardB.end()) {
    ShardA[K] = It->second;
    ShardB.erase(It);
  }
}

int main() {
  std::thread T1([] { moveAToB("x"); });
  std::thread T2([] { moveBToA("y"); });
  T1.join();
  T2.join();
}
