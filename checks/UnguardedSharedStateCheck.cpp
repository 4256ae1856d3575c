//===--- UnguardedSharedStateCheck.cpp - racelint-unguarded-shared-state --===//

#include "UnguardedSharedStateCheck.h"
#include <set>

using namespace clang;

namespace racelint {

void UnguardedSharedStateCheck::report(RaceModel &M, ASTContext &Ctx) {
  for (const auto &[Key, Accesses] : M.storages()) {
    if (!M.guardOf(Key).Lock.empty())
      continue; // inconsistent-locking's territory
    std::set<const FunctionDecl *> Reported;
    for (const RootAccess &W : Accesses) {
      // Read-modify-writes and check-then-act are nonatomic-rmw's.
      if (W.A.How != AccessKind::Write || W.A.CheckedAt.isValid() ||
          !W.A.Locks.empty() || Reported.count(W.Root))
        continue;
      bool IsField = W.A.Kind != StorageKind::Global;
      // Without threads in the TU a global races only on evidence of
      // intent (a lock somewhere), which guardOf already looked at.
      if (!IsField && !M.startsThreads())
        continue;
      const RootAccess *Partner = nullptr;
      for (const RootAccess &P : Accesses) {
        if (&P == &W)
          continue;
        // Instances of a thread entry writing their own element.
        if (W.A.PerInstanceElement && P.A.PerInstanceElement &&
            P.Root == W.Root)
          continue;
        bool Concurrent = IsField ? P.Root != W.Root
                                  : M.mayRunConcurrently(W, P);
        if (Concurrent && (P.A.Locks.empty() || isWrite(P.A.How))) {
          Partner = &P;
          break;
        }
      }
      bool SelfRace = IsField || W.A.PerInstanceElement
                          ? false
                          : M.mayRunConcurrently(W, W);
      if (!Partner && !SelfRace)
        continue;
      Reported.insert(W.Root);
      if (IsField)
        diag(W.A.reportLoc(), "'%0' is %select{|written|updated}1 with no "
                              "lock held, and nothing guards it in "
                              "concurrent class '%2'")
            << W.A.Display << static_cast<int>(W.A.How)
            << (W.A.Class ? describeRecord(W.A.Class) : Key);
      else
        diag(W.A.reportLoc(), "'%0' is %select{|written|updated}1 with no "
                              "lock held while another thread can access it")
            << W.A.Display << static_cast<int>(W.A.How);
      noteLifted(W.A);
      if (Partner)
        diag(Partner->A.reportLoc(),
             "conflicting %select{read|write|update}0 in %1 %2",
             DiagnosticIDs::Note)
            << static_cast<int>(Partner->A.How)
            << describeFunction(Partner->Root) << describeLocks(Partner->A);
      else
        diag(W.A.reportLoc(), "%0 runs in several threads at once",
             DiagnosticIDs::Note)
            << describeFunction(W.Root);
    }
  }
}

} // namespace racelint
