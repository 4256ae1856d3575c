//===--- UnguardedSharedStateCheck.cpp - racelint-unguarded-shared-state --===//

#include "UnguardedSharedStateCheck.h"

using namespace clang;

namespace racelint {

void UnguardedSharedStateCheck::report(RaceModel &M, ASTContext &Ctx) {
  for (const Race &R : M.races()) {
    const RootAccess &A = *R.Access;
    const RootAccess &P = *R.Partner;
    // Guarded storage and locked sides are inconsistent-locking's;
    // read-modify-writes nonatomic-rmw's; a spawner's captured locals
    // thread-capture's.
    if (R.Kind != Race::Symmetric || R.CapturedLocal || A.holdsAny() ||
        P.holdsAny() || isReadModifyWrite(A.A))
      continue;
    if (M.isDoubleCheckRead(A))
      continue;
    // A member named bare (`Name`) is a field of the object a method runs
    // on: name its class.
    const RecordDecl *Class = nullptr;
    if (!A.A.Loc.Path.empty() &&
        A.A.Loc.Path.back().Kind == PathStep::Field &&
        A.A.Display.find_first_of(".->[*") == std::string::npos)
      Class = A.A.Loc.lastRecord();
    if (Class)
      diag(R.ReportAt, "'%0' is %select{read|written|updated}1 with no lock "
                       "held, and nothing guards it in concurrent class '%2'")
          << A.A.Display << static_cast<int>(A.A.How) << describeRecord(Class);
    else
      diag(R.ReportAt, "'%0' is %select{read|written|updated}1 with no lock "
                       "held while another thread can access it")
          << A.A.Display << static_cast<int>(A.A.How);
    noteWhere(R);
    if (P.A.E == A.A.E && P.Context == A.Context)
      diag(A.A.At, "%0 runs in several threads at once", DiagnosticIDs::Note)
          << describeFunction(M.contexts()[A.Context].Root);
    else
      notePartner(P);
  }
}

} // namespace racelint
