//===--- InconsistentLockingCheck.cpp - racelint-inconsistent-locking -----===//

#include "InconsistentLockingCheck.h"
#include <set>
#include <tuple>

using namespace clang;

namespace racelint {

void InconsistentLockingCheck::report(RaceModel &M, ASTContext &Ctx) {
  for (const auto &[Key, Accesses] : M.storages()) {
    RaceModel::Guard G = M.guardOf(Key);
    if (G.Lock.empty())
      continue;
    std::set<std::tuple<const FunctionDecl *, bool, unsigned>> Reported;
    for (const RootAccess &A : Accesses) {
      if (A.A.holds(G.Lock))
        continue;
      bool W = isWrite(A.A.How);
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
