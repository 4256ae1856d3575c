//===--- SafeWrite.h - Writing files as a careful editor saves them -*- C++ -*-===//
//
// Every file racelint writes (-o, --write-baseline, --export-fixes, --fix)
// goes through here: through a symbolic link to its target, keeping the
// target's mode, owner and hard links, never over a read-only file, and
// atomically (a temporary file beside it, renamed over it), so that a
// reader or a crash never sees half a file.
//
//===----------------------------------------------------------------------===//

#ifndef RACELINT_TOOL_SAFEWRITE_H
#define RACELINT_TOOL_SAFEWRITE_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <string>

namespace racelint::cli {

/// The file a write to \p Path lands in: symbolic links resolved. An error
/// for what cannot be written: a directory, a dangling link, a read-only
/// file. \p RegularOnly refuses devices and pipes too (--fix); otherwise
/// they are written as they are (-o /dev/stderr, a FIFO).
llvm::Expected<std::string> writeTarget(llvm::StringRef Path,
                                        bool RegularOnly = false);

/// Replaces the contents of \p Path (or creates it) with \p Text. With
/// \p Before, the file's current contents must be exactly that, checked
/// just before it is replaced: otherwise it is left as it is and the error
/// says it changed. A file with several hard links is rewritten in place,
/// so that every link sees the new text; any other file is replaced
/// atomically.
llvm::Error writeFileSafely(llvm::StringRef Path, llvm::StringRef Text,
                            std::optional<llvm::StringRef> Before =
                                std::nullopt);

/// writeFileSafely with the text \p Write produces.
llvm::Error writeOutput(llvm::StringRef Path,
                        llvm::function_ref<void(llvm::raw_ostream &)> Write);

/// Whether \p A and \p B are the same file (same device and inode).
bool sameFile(llvm::StringRef A, llvm::StringRef B);

} // namespace racelint::cli

#endif
