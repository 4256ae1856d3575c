//===--- NonatomicRmwCheck.h - racelint-nonatomic-rmw ----------*- C++ -*-===//
//
// Finds read-modify-write sequences on shared storage that another thread
// can interleave: x++ and x += n without a lock, check-then-act, and two-step
// updates of atomics (a = a + 1, a.store(a.load() + 1)).
//
//===----------------------------------------------------------------------===//

#ifndef RACELINT_NONATOMICRMWCHECK_H
#define RACELINT_NONATOMICRMWCHECK_H

#include "RaceCheckBase.h"
#include "clang/Basic/Diagnostic.h"
#include <vector>

namespace racelint {

class NonatomicRmwCheck : public TUWideRaceCheck {
public:
  using TUWideRaceCheck::TUWideRaceCheck;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &R) override;
  void onStartOfTranslationUnit() override;

protected:
  void report(RaceModel &M, clang::ASTContext &Ctx) override;

private:
  /// A two-step update of an atomic, emitted at the end of the TU unless
  /// the program turns out to be single-threaded.
  struct AtomicFinding {
    enum FindingKind { SplitUpdate, SplitStore, CheckThenAct } Kind;
    std::string Name;
    clang::SourceLocation Loc, Related;
    std::vector<clang::FixItHint> Fixes;
    std::string Suggestion; // shown in a note when there is no fix-it
  };
  void findAtomicPatterns(const clang::FunctionDecl *FD,
                          clang::ASTContext &Ctx);
  std::vector<AtomicFinding> Atomics;
  bool HasMain = false;
};

} // namespace racelint

#endif
