// A term index for a search service. addDocument() holds the index mutex
// and calls the ...Locked variant, which expects the caller to hold it.
#include <map>
#include <mutex>
#include <string>
#include <vector>

class TermIndex {
public:
  void addTerm(const std::string &term) {
    std::lock_guard<std::mutex> g(mu_);
    addTermLocked(term);
  }

  void addDocument(const std::vector<std::string> &terms) {
    std::lock_guard<std::mutex> g(mu_);
    ++documents_;
    for (const auto &t : terms)
      addTermLocked(t);
  }

  long documents() {
    std::lock_guard<std::mutex> g(mu_);
    return documents_;
  }

private:
  void addTermLocked(const std::string &term) { ++postings_[term]; }

  std::mutex mu_;
  std::map<std::string, long> postings_;
  long documents_ = 0;
};
