//===--- InconsistentLockingCheck.h - racelint-inconsistent-locking -*- C++ -*-===//
//
// Finds accesses to shared state without the lock that guards it at most
// of its other accesses, under a different lock, or writes made while the
// guarding lock is held only in shared (reader) mode.
//
//===----------------------------------------------------------------------===//

#ifndef RACELINT_INCONSISTENTLOCKINGCHECK_H
#define RACELINT_INCONSISTENTLOCKINGCHECK_H

#include "RaceCheckBase.h"
#include <set>
#include <tuple>

namespace racelint {

class InconsistentLockingCheck : public TUWideRaceCheck {
public:
  using TUWideRaceCheck::TUWideRaceCheck;

protected:
  void report(RaceModel &M, clang::ASTContext &Ctx) override;

private:
  /// One report per (root function, write?, line).
  using ReportedSet =
      std::set<std::tuple<const clang::FunctionDecl *, bool, unsigned>>;
  void reportSharedWrite(RaceModel &M, const RootAccess &A,
                         const std::vector<RootAccess> &Accesses,
                         const std::string &Lock, clang::ASTContext &Ctx,
                         ReportedSet &Reported);
};

} // namespace racelint

#endif
