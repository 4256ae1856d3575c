//===--- UnguardedSharedStateCheck.h - racelint-unguarded-shared-state -*- C++ -*-===//
//
// Finds shared mutable state written with no lock held where no lock guards
// it anywhere and another thread can access it at the same time.
//
//===----------------------------------------------------------------------===//

#ifndef RACELINT_UNGUARDEDSHAREDSTATECHECK_H
#define RACELINT_UNGUARDEDSHAREDSTATECHECK_H

#include "RaceCheckBase.h"

namespace racelint {

class UnguardedSharedStateCheck : public TUWideRaceCheck {
public:
  using TUWideRaceCheck::TUWideRaceCheck;

protected:
  void report(RaceModel &M, clang::ASTContext &Ctx) override;
};

} // namespace racelint

#endif
