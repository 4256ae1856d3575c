//===--- Catalog.h - The list of racelint checks ---------------*- C++ -*-===//

#ifndef RACELINT_CATALOG_H
#define RACELINT_CATALOG_H

#include "llvm/ADT/ArrayRef.h"

namespace racelint {

struct CheckInfo {
  const char *Id; // full id, "racelint-..."
  bool HasFixIts;
  const char *Summary;
};

/// Every check, in manifest order (checks/Checks.def).
llvm::ArrayRef<CheckInfo> allChecks();

} // namespace racelint

#endif
