//===--- Cache.h - Results reused across runs (--cache) ---------*- C++ -*-===//
//
// One file per (step, translation unit) in the cache directory: the result
// the step produced, and every file the analysis read with a hash of its
// contents. A result is reused while the key (racelint, its options, the
// compile command, and for the report step the project's summaries) and
// every file read are unchanged.
//
//===----------------------------------------------------------------------===//

#ifndef RACELINT_TOOL_CACHE_H
#define RACELINT_TOOL_CACHE_H

#include "Findings.h"
#include "llvm/ADT/StringMap.h"
#include <optional>
#include <string>

namespace racelint::cli {

class ResultCache {
public:
  explicit ResultCache(std::string Dir) : Dir(std::move(Dir)) {}

  /// The result stored under Key, if every file it read is unchanged.
  std::optional<TUResult> get(llvm::StringRef Key);
  /// Stores R (not a crash, nor a file that did not compile: what it did
  /// not read could appear). Failing to write only costs the reuse.
  void put(llvm::StringRef Key, const TUResult &R);

  /// A key from its parts (hashed).
  static std::string key(llvm::ArrayRef<std::string> Parts);

  unsigned hits() const { return Hits; }

private:
  /// Hash of a file's contents ("" when it cannot be read), once per run.
  const std::string &contentHash(llvm::StringRef Path);
  std::string entryPath(llvm::StringRef Key) const;

  std::string Dir;
  llvm::StringMap<std::string> Hashes;
  unsigned Hits = 0;
};

} // namespace racelint::cli

#endif
