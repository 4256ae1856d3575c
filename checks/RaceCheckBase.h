//===--- RaceCheckBase.h - Shared plumbing of the race checks --*- C++ -*-===//
//
// Race checks look at the whole translation unit once it has been parsed:
// they remember the ASTContext from any function match (clangd only
// traverses the main file's declarations, so the TU node itself may never
// match) and report in onEndOfTranslationUnit, from the races the model
// found.
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

  /// Notes that place a warning: the access itself when the warning sits
  /// on the call that made it racy, and the calls from the root otherwise.
  void noteWhere(const Race &R);
  /// The other side of a race, with its lockset.
  void notePartner(const RootAccess &P, bool Guarded = false);

  /// The lockset of an access for a note: "with no lock held", "holding
  /// 'mu_'", "holding 'mu_' (shared)".
  static std::string describeLocks(const RootAccess &A);
  /// The locks of an access, by name: "'a', 'b'".
  static std::string lockNames(const RootAccess &A);
  /// 'f' or "the lambda" of the function that performs the access.
  static std::string where(const RootAccess &A);

private:
  clang::ASTContext *Ctx = nullptr;
};

/// Whether the access is the act of a read-modify-write (x++, x = x + 1, or
/// the write of a check-then-act): nonatomic-rmw reports those.
bool isReadModifyWrite(const Access &A);

} // namespace racelint

#endif
