//===--- Catalog.cpp - The list of racelint checks ------------------------===//

#include "Catalog.h"

namespace racelint {

llvm::ArrayRef<CheckInfo> allChecks() {
  static const CheckInfo Checks[] = {
#define RACELINT_CHECK(Class, Id, HasFixIts, Summary)                          \
  {"racelint-" Id, HasFixIts, Summary},
#include "Checks.def"
  };
  return Checks;
}

} // namespace racelint
