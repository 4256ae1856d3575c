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

} // namespace racelint
