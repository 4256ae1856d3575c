//===--- RaceCheckBase.cpp - Shared plumbing of the race checks -----------===//

#include "RaceCheckBase.h"
#include "analysis/Project.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace racelint {

bool isReadModifyWrite(const Access &A) {
  return A.How == AccessKind::ReadModifyWrite ||
         (A.CheckedAt.isValid() && isWrite(A.How));
}

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
  collectSummary(model(*Ctx), races(*Ctx));
  Ctx = nullptr;
}

std::string TUWideRaceCheck::where(const RootAccess &A) {
  return describeFunction(A.A.Function);
}

void TUWideRaceCheck::noteWhere(const Race &R) {
  const RootAccess &A = *R.Access;
  if (R.ReportAt != A.A.At) {
    diag(A.A.At, "%select{read|written|updated}0 here, inside %1",
         DiagnosticIDs::Note)
        << static_cast<int>(A.A.How) << describeFunction(A.A.Function);
    return;
  }
  // A helper's access: how the thread gets there.
  const FunctionDecl *Caller = A.Root;
  for (const CallSite *C : A.Chain) {
    diag(C->Loc, "called from %0 here", DiagnosticIDs::Note)
        << describeFunction(Caller);
    if (C->Callees.empty())
      break;
    Caller = C->Callees.front();
  }
}

void TUWideRaceCheck::notePartner(const RootAccess &P, bool Guarded) {
  diag(P.A.At, "conflicting %select{read|write|update}0 in %1 %2",
       DiagnosticIDs::Note)
      << static_cast<int>(P.A.How) << where(P) << describeLocks(P);
}

std::string TUWideRaceCheck::lockNames(const RootAccess &A) {
  std::string S;
  std::vector<std::string> Seen;
  for (const LockLoc &L : A.A.Locks) {
    if (llvm::is_contained(Seen, L.Name))
      continue;
    Seen.push_back(L.Name);
    if (!S.empty())
      S += "', '";
    S += L.Name;
  }
  return S;
}

std::string TUWideRaceCheck::describeLocks(const RootAccess &A) {
  if (A.A.Locks.empty())
    return "with no lock held";
  std::string S = "holding ";
  std::vector<std::string> Seen;
  for (const LockLoc &L : A.A.Locks) {
    if (llvm::is_contained(Seen, L.Name))
      continue;
    if (!Seen.empty())
      S += ", ";
    Seen.push_back(L.Name);
    S += "'" + L.Name + "'";
    if (L.Shared)
      S += " (shared)";
  }
  return S;
}

} // namespace racelint
