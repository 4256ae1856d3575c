// A pub/sub broker; every access to the topic and counter maps is locked.
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
    std::lock_guard<std::mutex> g(mu_);
    published_[topic]++;
    auto it = topics_.find(topic);
    return it == topics_.end() ? std::vector<int>{} : it->second;
  }

  std::vector<std::string> topics() const {
    std::lock_guard<std::mutex> g(mu_);
    std::vector<std::string> names;
    for (const auto &kv : topics_)
      names.push_back(kv.first);
    return names;
  }

private:
  mutable std::mutex mu_;
  std::map<std::string, std::vector<int>> topics_;
  std::map<std::string, long> published_;
};
