//===--- Fixes.h - Applying and exporting fix-its ---------------*- C++ -*-===//

#ifndef RACELINT_TOOL_FIXES_H
#define RACELINT_TOOL_FIXES_H

#include "Findings.h"
#include "llvm/Support/Error.h"

namespace racelint::cli {

/// Writes the findings and their fix-its as clang-apply-replacements YAML,
/// as clang-tidy --export-fixes does.
llvm::Error exportFixes(llvm::StringRef Path,
                        llvm::ArrayRef<const Finding *> Findings);

/// Applies every fix-it of \p Findings. Overlapping fix-its are refused
/// before any file is written; each file is replaced whole (written beside
/// it, then renamed), so none is ever left half-written. \p Changed counts
/// the files edited.
/// Applies the fix-its of \p Findings to their files, all or none: a file
/// whose text is not the one the analysis read (\p Digests) is refused, and
/// so are conflicting fix-its and files that cannot be written.
llvm::Error applyFixes(llvm::ArrayRef<const Finding *> Findings,
                       const std::map<std::string, std::string> &Digests,
                       SourceCache &Sources, unsigned &Changed);

} // namespace racelint::cli

#endif
