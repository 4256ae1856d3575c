// The session registry builds the session outside the lock, then checks
// and inserts in one critical section.
#include <map>
#include <mutex>
#include <string>
#include <thread>

struct Session {
  std::string user;
  int token = 0;
};

class Registry {
public:
  int login(const std::string &user) {
    Session s = makeSession(user);
    std::lock_guard<std::mutex> g(mu_);
    if (sessions_.count(user) != 0)
      return 0;
    sessions_.emplace(user, s);
    created_++;
    return s.token;
  }

  int created() {
    std::lock_guard<std::mutex> g(mu_);
    return created_;
  }

private:
  static Session makeSession(const std::string &user) {
    Session s;
    s.user = user;
    s.token = static_cast<int>(user.size()) * 7919;
    return s;
  }

  std::mutex mu_;
  std::map<std::string, Session> sessions_;
  int created_ = 0;
};

int main() {
  Registry r;
  std::thread a([&r] { r.login("ada"); });
  std::thread b([&r] { r.login("ada"); });
  a.join();
  b.join();
  return r.created() == 1 ? 0 : 1;
}
