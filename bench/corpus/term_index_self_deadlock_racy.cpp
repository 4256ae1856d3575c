// A term index for a search service. addDocument() holds the index mutex
// and calls addTerm(), which takes the same non-recursive mutex again.
#include <map>
#include <mutex>
#include <string>
#include <vector>

class TermIndex {
public:
  void addTerm(const std::string &term) {
    std::lock_guard<std::mutex> g(mu_);
    ++postings_[term];
  }

  void addDocument(const std::vector<std::string> &terms) {
    std::lock_guard<std::mutex> g(mu_);
    ++documents_;
    for (const auto &t : terms)
      addTerm(t); // RACE: racelint-lock-discipline
  }

  long documents() {
    std::lock_guard<std::mutex> g(mu_);
    return documents_;
  }

private:
  std::mutex mu_;
  std::map<std::string, long> postings_;
  long documents_ = 0;
};
