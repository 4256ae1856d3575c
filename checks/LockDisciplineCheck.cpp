//===--- LockDisciplineCheck.cpp - racelint-lock-discipline ---------------===//

#include "LockDisciplineCheck.h"
#include "clang/AST/Attr.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace racelint {

void LockDisciplineCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(functionDecl(isDefinition()).bind("fn"), this);
}

void LockDisciplineCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>("fn");
  if (!shouldAnalyze(FD, *Result.Context))
    return;
  // no_thread_safety_analysis is the user's word that this function's
  // locking is deliberate.
  if (FD->hasAttr<NoThreadSafetyAnalysisAttr>())
    return;
  const FunctionLocks &FL = model(*Result.Context).locks(FD);
  if (!FL.Analyzed)
    return;

  std::string Fn = describeFunction(FD);
  for (const LockAnomaly &A : FL.Anomalies) {
    switch (A.Kind) {
    case LockAnomaly::NotReleased:
      diag(A.Loc, "'%0' %select{may still be|is still}1 held when %2 "
                  "%select{returns|exits by throwing}3")
          << A.Lock << A.AllPaths << Fn << (A.Other == "throw");
      diag(A.Related, "'%0' acquired here", DiagnosticIDs::Note) << A.Lock;
      break;
    case LockAnomaly::DoubleLock:
      diag(A.Loc, "'%0' is locked again while already held; it is not "
                  "recursive, so this deadlocks")
          << A.Lock;
      if (A.Other == "entry")
        diag(A.Related, "'%0' is held on entry, as the function's "
                        "attributes require",
             DiagnosticIDs::Note)
            << A.Lock;
      else
        diag(A.Related, "'%0' first acquired here", DiagnosticIDs::Note)
            << A.Lock;
      break;
    case LockAnomaly::DoubleUnlock:
      diag(A.Loc, "'%0' is unlocked twice") << A.Lock;
      diag(A.Related, "'%0' already released here", DiagnosticIDs::Note)
          << A.Lock;
      break;
    case LockAnomaly::UnlockAfterFailedTry:
      diag(A.Loc, "'%0' is unlocked on a path where its try-lock failed")
          << A.Lock;
      diag(A.Related, "try-lock of '%0' here; on failure it is not held",
           DiagnosticIDs::Note)
          << A.Lock;
      break;
    case LockAnomaly::UnlockMismatch:
      diag(A.Loc, "unlocking '%0', which is not held, while holding '%1'")
          << A.Lock << A.Other;
      diag(A.Related, "'%0' acquired here", DiagnosticIDs::Note) << A.Other;
      break;
    case LockAnomaly::NotHeldOnAllPaths:
      diag(A.Loc, "'%0' is unlocked here but is not held on every path to "
                  "this point")
          << A.Lock;
      diag(A.Related, "'%0' acquired here on some paths only",
           DiagnosticIDs::Note)
          << A.Lock;
      break;
    case LockAnomaly::ModeMismatch:
      diag(A.Loc, "'%0' is held in %1 mode but released with the %select{"
                  "shared|exclusive}2 unlock")
          << A.Lock << A.Other << (A.Other == "shared");
      diag(A.Related, "'%0' acquired here", DiagnosticIDs::Note) << A.Lock;
      break;
    case LockAnomaly::UnlockGuarded:
      diag(A.Loc, "'%0' is unlocked by hand while guard '%1' owns it; the "
                  "guard unlocks it again when destroyed")
          << A.Lock << A.Other;
      diag(A.Related, "'%0' acquired by the guard here", DiagnosticIDs::Note)
          << A.Lock;
      break;
    case LockAnomaly::GuardRelock:
      diag(A.Loc, "'%0' already owns its mutex; locking it again throws "
                  "std::system_error")
          << A.Lock;
      diag(A.Related, "'%0' created here", DiagnosticIDs::Note) << A.Lock;
      break;
    case LockAnomaly::GuardNotOwned:
      diag(A.Loc, "'%0' does not own its mutex here; unlocking it throws "
                  "std::system_error")
          << A.Lock;
      diag(A.Related, "'%0' created here", DiagnosticIDs::Note) << A.Lock;
      break;
    }
  }
}

} // namespace racelint
