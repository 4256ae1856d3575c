//===--- RaceCheckBase.h - Shared plumbing of the race checks --*- C++ -*-===//
//
// Race checks look at the whole translation unit once it has been parsed:
// they remember the ASTContext from any function match (clangd only
// traverses the main file's declarations, so the TU node itself may never
// match) and report in onEndOfTranslationUnit.
//
//===----------------------------------------------------------------------===//

#ifndef RACELINT_RACECHECKBASE_H
#define RACELINT_RACECHECKBASE_H

#include "CheckBase.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

namespace racelint {

class TUWideRaceCheck : public RaceCheck {
public:
  using RaceCheck::RaceCheck;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &R) override;
  void onStartOfTranslationUnit() override { Ctx = nullptr; }
  void onEndOfTranslationUnit() override;

protected:
  /// Emits this check's findings over the finished model.
  virtual void report(RaceModel &M, clang::ASTContext &Ctx) = 0;

  /// Note at the access inside a callee when the finding was lifted to a
  /// call site.
  void noteLifted(const Access &A);

  /// The lockset of an access for a note: "with no lock held", "holding
  /// 'mu_'", "holding 'mu_' (shared)".
  static std::string describeLocks(const Access &A);

private:
  clang::ASTContext *Ctx = nullptr;
};

} // namespace racelint

#endif
