//===--- Baseline.h - Findings accepted as they are -------------*- C++ -*-===//
//
// A baseline is a committed JSON file listing today's findings by file and
// fingerprint; with it, only findings that are not listed fail a run.
//
//===----------------------------------------------------------------------===//

#ifndef RACELINT_TOOL_BASELINE_H
#define RACELINT_TOOL_BASELINE_H

#include "Findings.h"
#include "llvm/Support/Error.h"
#include <map>

namespace racelint::cli {

/// Writes \p Findings, sorted, one readable entry each, paths relative to
/// \p SourceRoot.
llvm::Error writeBaseline(llvm::StringRef Path,
                          llvm::ArrayRef<const Finding *> Findings,
                          llvm::StringRef SourceRoot);

class Baseline {
public:
  static llvm::Expected<Baseline> read(llvm::StringRef Path);
  /// True when \p F is listed; each entry accepts one finding.
  bool accept(const Finding &F, llvm::StringRef SourceRoot);

private:
  std::map<std::pair<std::string, std::string>, unsigned> Entries;
};

} // namespace racelint::cli

#endif
