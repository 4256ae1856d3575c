//===--- InconsistentLockingCheck.h - racelint-inconsistent-locking -*- C++ -*-===//
//
// Finds accesses to shared state without the lock that guards it at its
// other accesses, under a different lock, or writes made while the
// guarding lock is held only in shared (reader) mode.
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
