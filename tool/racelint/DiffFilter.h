//===--- DiffFilter.h - Only the lines a change touched ---------*- C++ -*-===//
//
// Diff mode, as clang-tidy-diff: the new-side lines of a unified diff's
// hunks are the changed lines; findings elsewhere do not count, and files
// the diff does not touch need not be analysed.
//
//===----------------------------------------------------------------------===//

#ifndef RACELINT_TOOL_DIFFFILTER_H
#define RACELINT_TOOL_DIFFFILTER_H

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <vector>

namespace racelint::cli {

class ChangedLines {
public:
  /// Parses a unified diff whose paths are relative to \p Root ("a/" and
  /// "b/" prefixes of git diffs are dropped).
  static llvm::Expected<ChangedLines> parse(llvm::StringRef Diff,
                                            llvm::StringRef Root);
  /// `git diff REV`: the working tree against REV, in the repository that
  /// holds the current directory.
  static llvm::Expected<ChangedLines> fromGit(llvm::StringRef Rev);

  bool touches(llvm::StringRef File) const { return Files.count(File); }
  bool contains(llvm::StringRef File, unsigned Line) const;
  std::vector<std::string> files() const;

private:
  // absolute path -> [first, last] new-side line ranges
  llvm::StringMap<std::vector<std::pair<unsigned, unsigned>>> Files;
};

} // namespace racelint::cli

#endif
