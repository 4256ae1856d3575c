//===--- InconsistentLockingCheck.cpp - racelint-inconsistent-locking -----===//

#include "InconsistentLockingCheck.h"
#include <set>
#include <tuple>

using namespace clang;

namespace racelint {

void InconsistentLockingCheck::reportSharedWrite(
    RaceModel &M, const RootAccess &A, const std::vector<RootAccess> &Accesses,
    const std::string &Lock, ASTContext &Ctx, ReportedSet &Reported) {
  // Other readers get in under the same shared lock: anything that does not
  // hold the lock exclusively can run at the same time as this write.
  bool IsField = A.A.Kind != StorageKind::Global;
  const RootAccess *Partner = nullptr;
  for (const RootAccess &O : Accesses) {
    if (O.A.holds(Lock) && !O.A.holdsShared(Lock))
      continue;
    // Fields of concurrent classes: any method may run in any thread.
    bool Concurrent = IsField || M.mayRunConcurrently(A, O);
    if (Concurrent && (!Partner || &O != &A)) {
      Partner = &O;
      if (&O != &A)
        break;
    }
  }
  if (!Partner)
    return;
  unsigned Line =
      Ctx.getSourceManager().getExpansionLineNumber(A.A.reportLoc());
  if (!Reported.insert({A.Root, true, Line}).second)
    return;
  diag(A.A.reportLoc(), "'%0' is %select{read|written|updated}1 while '%2' "
                        "is held only in shared mode; writers need it "
                        "exclusively")
      << A.A.Display << static_cast<int>(A.A.How) << Lock;
  noteLifted(A.A);
  if (Partner != &A)
    diag(Partner->A.reportLoc(),
         "concurrent %select{read|write|update}0 in %1 with '%2' "
         "%select{not held|held in shared mode}3",
         DiagnosticIDs::Note)
        << static_cast<int>(Partner->A.How) << describeFunction(Partner->Root)
        << Lock << Partner->A.holds(Lock);
}

void InconsistentLockingCheck::report(RaceModel &M, ASTContext &Ctx) {
  for (const auto &[Key, Accesses] : M.storages()) {
    RaceModel::Guard G = M.guardOf(Key);
    if (G.Lock.empty())
      continue;
    ReportedSet Reported;
    for (const RootAccess &A : Accesses) {
      bool W = isWrite(A.A.How);
      if (A.A.holds(G.Lock)) {
        if (W && A.A.holdsShared(G.Lock))
          reportSharedWrite(M, A, Accesses, G.Lock, Ctx, Reported);
        continue;
      }
      unsigned Line = Ctx.getSourceManager().getExpansionLineNumber(
          A.A.reportLoc());
      if (!Reported.insert({A.Root, W, Line}).second)
        continue;
      // The race needs a write that can run at the same time; fields of
      // concurrent classes are assumed reachable from any thread.
      bool IsField = A.A.Kind != StorageKind::Global;
      if (!IsField && M.startsThreads()) {
        bool Conflict = false;
        for (const RootAccess &Other : Accesses)
          if ((W || isWrite(Other.A.How)) && M.mayRunConcurrently(A, Other))
            Conflict = true;
        if (!Conflict)
          continue;
      } else if (!W && !llvm::any_of(Accesses, [](const RootAccess &O) {
                   return isWrite(O.A.How);
                 })) {
        continue;
      }
      if (A.A.Locks.empty())
        diag(A.A.reportLoc(), "'%0' is %select{read|written|updated}1 "
                              "without holding '%2', which guards it at "
                              "%3 of %4 accesses")
            << A.A.Display << static_cast<int>(A.A.How) << G.Lock << G.Held
            << G.Total;
      else
        diag(A.A.reportLoc(), "'%0' is %select{read|written|updated}1 "
                              "under '%5' instead of '%2', which guards it "
                              "at %3 of %4 accesses")
            << A.A.Display << static_cast<int>(A.A.How) << G.Lock << G.Held
            << G.Total << A.A.Locks.front();
      noteLifted(A.A);
      const Access &E = G.Example->A;
      diag(E.reportLoc(), "'%0' %select{read|written|updated}1 with '%2' "
                          "held here",
           DiagnosticIDs::Note)
          << E.Display << static_cast<int>(E.How) << G.Lock;
    }
  }
}

} // namespace racelint
