//===--- InconsistentLockingCheck.h - racelint-inconsistent-locking -*- C++ -*-===//
//
// Finds accesses to shared state without the lock that guards it at most
// of its other accesses.
//
//===----------------------------------------------------------------------===//

#ifndef RACELINT_INCONSISTENTLOCKINGCHECK_H
#define RACELINT_INCONSISTENTLOCKINGCHECK_H

#include "RaceCheckBase.h"

namespace racelint {

class InconsistentLockingCheck : public TUWideRaceCheck {
public:
  using TUWideRaceCheck::TUWideRaceCheck;

protected:
  void report(RaceModel &M, clang::ASTContext &Ctx) override;
};

} // namespace racelint

#endif
