//===--- ThreadCaptureCheck.h - racelint-thread-capture --------*- C++ -*-===//
//
// Finds locals shared with a thread by reference that the spawner or
// another thread accesses before the join, with at least one write.
//
//===----------------------------------------------------------------------===//

#ifndef RACELINT_THREADCAPTURECHECK_H
#define RACELINT_THREADCAPTURECHECK_H

#include "RaceCheckBase.h"

namespace racelint {

class ThreadCaptureCheck : public TUWideRaceCheck {
public:
  using TUWideRaceCheck::TUWideRaceCheck;

protected:
  void report(RaceModel &M, clang::ASTContext &Ctx) override;
};

} // namespace racelint

#endif
