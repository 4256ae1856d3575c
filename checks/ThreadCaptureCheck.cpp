//===--- ThreadCaptureCheck.cpp - racelint-thread-capture -----------------===//

#include "ThreadCaptureCheck.h"

using namespace clang;

namespace racelint {

void ThreadCaptureCheck::report(RaceModel &M, ASTContext &Ctx) {
  for (const Race &R : M.races()) {
    if (!R.CapturedLocal || !R.SpawnerSide)
      continue;
    const RootAccess &A = *R.Access;
    const RootAccess &P = *R.Partner;
    diag(R.ReportAt, "'%0' is %select{read|written|updated}1 while a thread "
                     "that shares it by reference may still be running")
        << A.A.Display << static_cast<int>(A.A.How);
    diag(P.A.At, "the thread %select{reads|writes|updates}0 it here %1",
         DiagnosticIDs::Note)
        << static_cast<int>(P.A.How) << describeLocks(P);
    bool Joined = false;
    SourceLocation Spawn = M.spawnLoc(P.Context, Joined);
    if (Spawn.isValid())
      diag(Spawn, "thread started here%select{; it is never joined|}0",
           DiagnosticIDs::Note)
          << Joined;
  }
}

} // namespace racelint
