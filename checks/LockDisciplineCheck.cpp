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
      if (!A.AllPaths) {
        diag(A.Loc, "'%0' may be locked twice: it is still held here on "
                    "some paths, and it is not recursive, so those paths "
                    "deadlock")
            << A.Lock;
        // The same statement: a loop iteration that leaves it held.
        diag(A.Related, "'%0' acquired here %select{on some paths that do "
                        "not release it|by an earlier iteration that did not "
                        "release it}1",
             DiagnosticIDs::Note)
            << A.Lock << (A.Related == A.Loc);
        break;
      }
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
      if (A.Other == "may-release")
        diag(A.Related, "this unlock, through a pointer that may point to "
                        "'%0', may have released it",
             DiagnosticIDs::Note)
            << A.Lock;
      else
        diag(A.Related, "'%0' acquired here on some paths only",
             DiagnosticIDs::Note)
            << A.Lock;
      break;
    case LockAnomaly::UnlockNotHeld:
      if (A.Other == "nocaller") {
        diag(A.Loc, "'%0' is unlocked here but is not held: %1 never locks "
                    "it, returns without unlocking it on other paths, and "
                    "no caller holds it when calling")
            << A.Lock << Fn;
        break;
      }
      if (A.Other.empty())
        diag(A.Loc, "'%0' is unlocked here but is not held on this path")
            << A.Lock;
      else
        diag(A.Loc, "%1 unlocks '%0' here, but it is not held on this path")
            << A.Lock << A.Other;
      diag(A.Related, "'%0' is acquired here on other paths",
           DiagnosticIDs::Note)
          << A.Lock;
      break;
    case LockAnomaly::CalleeRelock:
      diag(A.Loc, "%1 locks '%0', which is already held here; it is not "
                  "recursive, so this deadlocks")
          << A.Lock << A.Other;
      for (const auto &[Loc, What] : A.Chain) {
        if (What == "acquire")
          diag(Loc, "'%0' acquired here", DiagnosticIDs::Note) << A.Lock;
        else
          diag(Loc, "which calls %0 here", DiagnosticIDs::Note) << What;
      }
      diag(A.Related, "'%0' locked again here", DiagnosticIDs::Note)
          << A.Lock;
      break;
    case LockAnomaly::RereadLock:
      diag(A.Loc, "'%0' is read again to unlock '%1'; it may have changed "
                  "since the lock, so this may unlock a different mutex")
          << A.Other << A.Lock;
      if (!A.Chain.empty())
        diag(A.Related, "'%0' is changed here, in %1", DiagnosticIDs::Note)
            << A.Other << A.Chain.front().second;
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
