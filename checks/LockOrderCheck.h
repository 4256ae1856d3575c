//===--- LockOrderCheck.h - racelint-lock-order ----------------*- C++ -*-===//
//
// Finds locks acquired in opposite orders (A then B in one place, B then A
// in another): two threads taking both orders can deadlock.
//
//===----------------------------------------------------------------------===//

#ifndef RACELINT_LOCKORDERCHECK_H
#define RACELINT_LOCKORDERCHECK_H

#include "CheckBase.h"
#include <set>

namespace racelint {

/// One order of the lock graph, as --lock-graph draws it: locks named
/// across files (a global's name, "Class::member" for a lock inside an
/// object of that class), with one place that takes it.
struct LockGraphEdge {
  std::string From, To;
  std::string File; // absolute
  unsigned Offset = 0;
  /// Part of a cycle the check reports.
  bool InCycle = false;
};
/// When set (by the CLI's --lock-graph), the check appends each file's
/// orders here.
extern std::vector<LockGraphEdge> *LockGraphCollector;

class LockOrderCheck : public RaceCheck {
public:
  LockOrderCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override { Ctx = nullptr; }
  void onEndOfTranslationUnit() override;

  /// The values ReadLockInversions accepts (the CLI rejects others).
  static std::optional<bool> parseBool(llvm::StringRef V);

private:
  using Edge = TUModel::LockOrderEdge;
  /// Whether the two orders can really block each other: no gate lock
  /// held on both sides, not both read-only, and code that can run at the
  /// same time.
  bool canDeadlock(const Edge &X, const Edge &Y) const;
  /// The thread contexts each function runs in, from the race model:
  /// context index, or ~0u for "anyone may call it" (a library TU).
  void computeContexts(RaceModel &M);
  /// computeContexts once per file, when a report needs it.
  void ensureContexts(clang::ASTContext &C);
  bool ContextsReady = false;
  /// Whether the two functions can run at the same time (by context).
  bool concurrent(const Edge &X, const Edge &Y) const;
  /// Whether E runs before any thread starts (main() before its first
  /// spawn, or a function only such code calls).
  bool alone(const Edge &E) const;
  /// Pairs of this TU's orders with inverted orders of other files (the
  /// project summaries), each reported by the file whose side is last.
  void reportAcrossFiles(clang::ASTContext &C,
                         const std::vector<Edge> &Edges,
                         std::set<std::pair<std::string, std::string>> &Cycles);
  /// Context indices per function; a Main context's code before its first
  /// thread is kept apart (Sequential), it runs alone.
  std::map<const clang::FunctionDecl *, std::set<unsigned>> RunsIn;
  std::set<const clang::FunctionDecl *> Sequential;
  RaceModel *Model = nullptr;
  clang::SourceLocation FirstSpawnInMain;
  void noteSide(const Edge &E, bool Closing);
  /// Joins made while holding a lock the joined thread takes.
  void reportJoinsUnderLock(clang::ASTContext &C);
  /// Condition-variable waits made while holding another lock that the
  /// notifier holds when it notifies.
  void reportWaitsUnderLock(clang::ASTContext &C);
  /// Appends the TU's orders to LockGraphCollector.
  void collectGraph(const std::vector<Edge> &Edges,
                    const std::set<std::pair<std::string, std::string>> &Cycles,
                    const clang::SourceManager &SM);
  /// Read-read inversions on reader-writer locks (both sides shared):
  /// harmless unless a writer queues between them, as with writer-
  /// preferring locks.
  const bool ReadLockInversions;
  clang::ASTContext *Ctx = nullptr;
};

} // namespace racelint

#endif
