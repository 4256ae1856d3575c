//===--- ThreadCaptureCheck.cpp - racelint-thread-capture -----------------===//

#include "ThreadCaptureCheck.h"
#include "clang/Basic/SourceManager.h"
#include <set>

using namespace clang;

namespace racelint {

static bool shareLock(const Access &X, const Access &Y) {
  // Two holders of a reader lock run at the same time.
  for (const std::string &L : X.Locks)
    if (Y.holds(L) && !(X.holdsShared(L) && Y.holdsShared(L)))
      return true;
  return false;
}

void ThreadCaptureCheck::report(RaceModel &M, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::set<std::pair<const VarDecl *, unsigned>> Reported;
  auto Once = [&](const Access &A) {
    return Reported.insert({A.Var, SM.getExpansionLineNumber(A.Loc)}).second;
  };
  const std::vector<SharedLocal> &Locals = M.sharedLocals();
  for (const SharedLocal &L : Locals) {
    // The spawner against the thread, between the spawn and the join.
    for (const Access &S : M.ownAccesses(L.Spawner)) {
      if (S.Kind != StorageKind::Local || S.Var != L.Var ||
          !SM.isBeforeInTranslationUnit(L.SpawnLoc, S.Loc) ||
          (L.JoinLoc.isValid() &&
           !SM.isBeforeInTranslationUnit(S.Loc, L.JoinLoc)))
        continue;
      const Access *T = nullptr;
      for (const Access &TA : L.InThread)
        if ((isWrite(S.How) || isWrite(TA.How)) && !shareLock(S, TA)) {
          T = &TA;
          break;
        }
      // Passed by pointer or std::ref: the thread's side is not visible,
      // so only the spawner's writes are certain to conflict.
      bool Opaque = L.InThread.empty() && isWrite(S.How) && S.Locks.empty();
      if ((!T && !Opaque) || !Once(S))
        continue;
      diag(S.Loc, "'%0' is %select{read|written|updated}1 while a thread "
                  "that shares it by reference may still be running")
          << S.Display << static_cast<int>(S.How);
      if (T)
        diag(T->Loc, "the thread %select{reads|writes|updates}0 it here %1",
             DiagnosticIDs::Note)
            << static_cast<int>(T->How) << describeLocks(*T);
      diag(L.SpawnLoc, "thread started here%select{; it is never joined|}0",
           DiagnosticIDs::Note)
          << L.JoinLoc.isValid();
    }
    // Two threads sharing the same local, one of them writing.
    for (const SharedLocal &O : Locals) {
      if (&O == &L && !L.MultiInstance)
        continue;
      if (O.Var != L.Var || O.Spawner != L.Spawner)
        continue;
      if (&O != &L && !SM.isBeforeInTranslationUnit(O.SpawnLoc, L.SpawnLoc))
        continue; // report each pair once, at the later thread
      // The earlier thread was joined before the later one started.
      if (&O != &L && O.JoinLoc.isValid() &&
          SM.isBeforeInTranslationUnit(O.JoinLoc, L.SpawnLoc))
        continue;
      for (const Access &TA : L.InThread)
        for (const Access &TB : O.InThread)
          if ((isWrite(TA.How) || isWrite(TB.How)) && !shareLock(TA, TB) &&
              // Instances of one lambda, each on its own element.
              !(&O == &L && TA.PerInstanceElement && TB.PerInstanceElement) &&
              Once(TA)) {
            diag(TA.Loc, "'%0' is %select{read|written|updated}1 while "
                         "another thread that shares it by reference may "
                         "still be running")
                << TA.Display << static_cast<int>(TA.How);
            diag(TB.Loc, "the other thread %select{reads|writes|updates}0 "
                         "it here %1",
                 DiagnosticIDs::Note)
                << static_cast<int>(TB.How) << describeLocks(TB);
          }
    }
  }
}

} // namespace racelint
