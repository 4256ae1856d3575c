// A session registry checks whether a user already has a session under the
// lock, drops the lock to build the session, and inserts it under the lock
// again: two logins of the same user both create a session.
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
    bool exists;
    {
      std::lock_guard<std::mutex> g(mu_);
      exists = sessions_.count(user) != 0;
    }
    if (exists)
      return 0;
    Session s = makeSession(user);
    std::lock_guard<std::mutex> g(mu_);
    sessions_.emplace(user, s); // RACE: racelint-nonatomic-rmw
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
