//===--- InconsistentLockingCheck.cpp - racelint-inconsistent-locking -----===//

#include "InconsistentLockingCheck.h"

using namespace clang;

namespace racelint {

void InconsistentLockingCheck::report(RaceModel &M, ASTContext &Ctx) {
  for (const Race &R : M.races()) {
    // A double-checked initialisation's first check is nonatomic-rmw's.
    if (R.CapturedLocal || M.isDoubleCheckRead(*R.Access))
      continue;
    const RootAccess &A = *R.Access;
    const RootAccess &P = *R.Partner;
    int How = static_cast<int>(A.A.How);
    if (R.Kind == Race::Deviant) {
      if (R.SharedWrite) {
        diag(R.ReportAt, "'%0' is %select{read|written|updated}1 while '%2' "
                         "is held only in shared mode; writers need it "
                         "exclusively")
            << A.A.Display << How << R.Guard;
        noteWhere(R);
        if (&P != &A)
          diag(P.A.At, "concurrent %select{read|write|update}0 in %1 with "
                       "'%2' %select{not held|held in shared mode}3",
               DiagnosticIDs::Note)
              << static_cast<int>(P.A.How) << where(P) << R.Guard
              << !P.A.Locks.empty();
        continue;
      } else if (A.A.Escape) {
        diag(R.ReportAt, "a reference to '%0' is returned, so the caller "
                         "reads it after '%1' is released; '%1' guards it "
                         "at %2 of %3 accesses")
            << A.A.Display << R.Guard << R.Held << R.Total;
      } else {
        // The evidence: the field's own accesses, and when they were tied,
        // the object's other fields that decided.
        std::string Evidence = std::to_string(R.Held) + " of " +
                               std::to_string(R.Total) + " accesses";
        if (R.ObjTotal)
          Evidence += " and the other fields of its object at " +
                      std::to_string(R.ObjHeld) + " of " +
                      std::to_string(R.ObjTotal) + " statements";
        if (A.A.Locks.empty())
          diag(R.ReportAt, "'%0' is %select{read|written|updated}1 without "
                           "holding '%2', which guards it at %3")
              << A.A.Display << How << R.Guard << Evidence;
        else
          diag(R.ReportAt, "'%0' is %select{read|written|updated}1 under "
                           "'%4' instead of '%2', which guards it at %3")
              << A.A.Display << How << R.Guard << Evidence << lockNames(A);
      }
      noteWhere(R);
      if (R.Example) {
        // The same statement reached with the lock: show the call that
        // holds it.
        const RootAccess &E = *R.Example;
        bool Same = E.A.E == A.A.E && !E.Chain.empty();
        diag(Same ? E.Chain.back()->Loc : E.A.At,
             "'%0' %select{read|written|updated}1 with '%2' held "
             "%select{here|through this call}3",
             DiagnosticIDs::Note)
            << E.A.Display << static_cast<int>(E.A.How) << R.Guard << Same;
      }
      continue;
    }
    // No guard decides: both sides are reported, when either holds a lock.
    if (!A.holdsAny() && !P.holdsAny())
      continue;
    int PHow = static_cast<int>(P.A.How);
    if (A.holdsAny() && P.holdsAny())
      diag(R.ReportAt, "'%0' is %select{read|written|updated}1 under '%2', "
                       "but the conflicting %select{read|write|update}3 in "
                       "%4 holds '%5'; no lock protects both")
          << A.A.Display << How << lockNames(A) << PHow << where(P)
          << lockNames(P);
    else if (A.holdsAny())
      diag(R.ReportAt, "'%0' is %select{read|written|updated}1 under '%2', "
                       "but %3 %select{reads|writes|updates}4 it with no "
                       "lock held")
          << A.A.Display << How << lockNames(A) << where(P) << PHow;
    else
      diag(R.ReportAt, "'%0' is %select{read|written|updated}1 with no lock "
                       "held, but %2 %select{reads|writes|updates}3 it "
                       "holding '%4'")
          << A.A.Display << How << where(P) << PHow << lockNames(P);
    noteWhere(R);
    notePartner(P);
  }
}

} // namespace racelint
