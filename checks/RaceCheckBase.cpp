//===--- RaceCheckBase.cpp - Shared plumbing of the race checks -----------===//

#include "RaceCheckBase.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace racelint {

void TUWideRaceCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(functionDecl(isDefinition()).bind("fn"), this);
}

void TUWideRaceCheck::check(const MatchFinder::MatchResult &R) {
  Ctx = R.Context;
}

void TUWideRaceCheck::onEndOfTranslationUnit() {
  if (!Ctx)
    return;
  report(races(*Ctx), *Ctx);
  Ctx = nullptr;
}

void TUWideRaceCheck::noteLifted(const Access &A) {
  if (A.CallLoc.isInvalid() || !A.Callee)
    return;
  diag(A.Loc, "%select{read|written|updated}0 here, inside %1",
       DiagnosticIDs::Note)
      << static_cast<int>(A.How) << describeFunction(A.Function);
}

std::string TUWideRaceCheck::describeLocks(const Access &A) {
  if (A.Locks.empty())
    return "with no lock held";
  std::string S = "holding ";
  for (size_t I = 0; I < A.Locks.size(); ++I) {
    if (I)
      S += ", ";
    S += "'" + A.Locks[I] + "'";
    if (A.holdsShared(A.Locks[I]))
      S += " (shared)";
  }
  return S;
}

} // namespace racelint
