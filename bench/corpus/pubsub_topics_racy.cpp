// A pub/sub broker with per-topic subscriber lists. publish() reads the
// topic map under the lock, but the message counter per topic is bumped
// after the lock is released, and topics() iterates with no lock.
#include <map>
#include <mutex>
#include <string>
#include <vector>

class Broker {
public:
  void subscribe(const std::string &topic, int client) {
    std::lock_guard<std::mutex> g(mu_);
    topics_[topic].push_back(client);
  }

  std::vector<int> publish(const std::string &topic) {
    std::vector<int> targets;
    {
      std::lock_guard<std::mutex> g(mu_);
      auto it = topics_.find(topic);
      if (it != topics_.end())
        targets = it->second;
      published_[topic]++;
    }
    published_[topic]++; // RACE: racelint-inconsistent-locking
    return targets;
  }

  std::vector<std::string> topics() const {
    std::vector<std::string> names;
    for (const auto &kv : topics_) // RACE: racelint-inconsistent-locking
      names.push_back(kv.first);
    return names;
  }

private:
  mutable std::mutex mu_;
  std::map<std::string, std::vector<int>> topics_;
  std::map<std::string, long> published_;
};
