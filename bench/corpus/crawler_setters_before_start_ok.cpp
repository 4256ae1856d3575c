// A web crawler configured through setters that are documented to be called
// before start(); the crawl thread reads the settings, and the mutex guards
// only the frontier queue that both threads use.
#include <deque>
#include <mutex>
#include <string>
#include <thread>

class Crawler {
public:
  // Configuration: call before start().
  void setUserAgent(std::string ua) { user_agent_ = std::move(ua); }
  void setMaxPages(int n) { max_pages_ = n; }

  void start() { worker_ = std::thread([this] { crawl(); }); }
  void wait() { worker_.join(); }

  void enqueue(std::string url) {
    std::lock_guard<std::mutex> g(frontier_mu_);
    frontier_.push_back(std::move(url));
  }

private:
  void crawl() {
    for (int page = 0; page < max_pages_; ++page) {
      std::string url;
      {
        std::lock_guard<std::mutex> g(frontier_mu_);
        if (frontier_.empty())
          return;
        url = std::move(frontier_.front());
        frontier_.pop_front();
      }
      fetch(url, user_agent_);
    }
  }
  static void fetch(const std::string &, const std::string &) {}

  std::mutex frontier_mu_; // guards frontier_ only
  std::deque<std::string> frontier_;
  std::string user_agent_ = "crawler/0.1";
  int max_pages_ = 10;
  std::thread worker_;
};

int main() {
  Crawler c;
  c.setUserAgent("indexbot/2.3");
  c.setMaxPages(3);
  c.enqueue("https://example.org/");
  c.start();
  c.enqueue("https://example.org/about");
  c.wait();
  return 0;
}
