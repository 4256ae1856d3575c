//===--- LockDisciplineCheck.h - racelint-lock-discipline ------*- C++ -*-===//
//
// Finds locks that are not released on some path, locked twice, or unlocked
// when not held.
//
//===----------------------------------------------------------------------===//

#ifndef RACELINT_LOCKDISCIPLINECHECK_H
#define RACELINT_LOCKDISCIPLINECHECK_H

#include "CheckBase.h"

namespace racelint {

class LockDisciplineCheck : public RacelintCheck {
public:
  using RacelintCheck::RacelintCheck;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace racelint

#endif
