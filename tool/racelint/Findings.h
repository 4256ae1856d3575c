//===--- Findings.h - What one racelint run found ---------------*- C++ -*-===//
//
// The CLI's own record of a diagnostic: absolute paths and byte offsets as
// the analysis produced them, the enclosing function, fix-its, and the
// fingerprint that identifies a finding across edits. Also the per-file line
// tables that turn offsets into positions, and the paths shown to users.
//
//===----------------------------------------------------------------------===//

#ifndef RACELINT_TOOL_FINDINGS_H
#define RACELINT_TOOL_FINDINGS_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace racelint::cli {

struct Note {
  std::string File; // absolute; empty for a message without a place
  unsigned Offset = 0;
  std::string Message;
};

struct Replacement {
  std::string File; // absolute
  unsigned Offset = 0, Length = 0;
  std::string Text;
};

struct Finding {
  std::string Check;          // racelint-<id>, or clang's diagnostic name
  bool CompilerError = false; // the code did not compile (not a finding)
  std::string File;           // absolute; empty for a message without a place
  unsigned Offset = 0;
  std::string Message;
  std::string Function; // qualified name of the enclosing function, or ""
  std::vector<Note> Notes;
  std::vector<Replacement> Fixes;
  std::string Fingerprint; // set by assignFingerprints()

  bool isRacelint() const { return llvm::StringRef(Check).starts_with("racelint-"); }
};

/// What the analysis of one file produced.
struct TUResult {
  std::vector<Finding> Findings;
  bool Crashed = false;
  /// For each file a fix-it edits, a digest of the text the analysis saw
  /// (--fix refuses a file that changed since).
  std::map<std::string, std::string> Digests;
  /// The file's lock orders (--lock-graph only).
  struct LockEdge {
    std::string From, To, File;
    unsigned Offset = 0;
    bool InCycle = false;
  };
  std::vector<LockEdge> LockEdges;
  /// The file's project summary, as the summary file holds it (JSON text;
  /// summarize step only).
  std::string Summary;
  /// Every file the analysis read (absolute paths; --cache).
  std::vector<std::string> Deps;
};

/// The digest TUResult::Digests holds for \p Text.
std::string digestOf(llvm::StringRef Text);

llvm::json::Value toJSON(const TUResult &R);
bool fromJSON(const llvm::json::Value &V, TUResult &R, llvm::json::Path P);

struct Position {
  unsigned Line = 0, Col = 0; // 1-based; Col counts bytes, as clang does
};

/// One file's text with the offsets where its lines start, so a position
/// costs a binary search instead of a scan of the file.
class FileText {
public:
  explicit FileText(std::unique_ptr<llvm::MemoryBuffer> Buf);
  Position at(unsigned Offset) const;
  /// Line \p Line (1-based) without its end of line.
  llvm::StringRef line(unsigned Line) const;
  /// Length of the token at \p Offset (identifier, number or operator).
  unsigned tokenLength(unsigned Offset) const;
  llvm::StringRef text() const { return Buf->getBuffer(); }

private:
  std::unique_ptr<llvm::MemoryBuffer> Buf;
  std::vector<unsigned> LineStarts;
};

/// Files read once per run.
class SourceCache {
public:
  /// Null when the file cannot be read.
  const FileText *get(llvm::StringRef File);
  Position at(llvm::StringRef File, unsigned Offset) {
    const FileText *T = get(File);
    return T ? T->at(Offset) : Position();
  }

private:
  llvm::StringMap<std::unique_ptr<FileText>> Files;
};

/// Column \p ByteCol of \p Line counted in UTF-16 code units (SARIF's
/// default column kind).
unsigned utf16Column(llvm::StringRef Line, unsigned ByteCol);

/// Absolute path with "." and ".." removed; relative ones against \p Base
/// (the current directory when empty).
std::string absolutePath(llvm::StringRef Path, llvm::StringRef Base = "");

/// Paths under the current directory are shown relative to it, as compilers
/// show the paths they were given.
std::string displayPath(llvm::StringRef Path);

/// \p Path relative to \p Root with '/' separators, or "" when it is not
/// under it.
std::string relativeTo(llvm::StringRef Path, llvm::StringRef Root);

/// Sorts by file and position, drops copies (a header's finding comes from
/// every file that includes it; the first, in input order, is kept).
void sortAndDeduplicate(std::vector<Finding> &Findings);

/// Fingerprints racelint's findings: a hash of the check, the flagged line's
/// text without whitespace, the enclosing function and the occurrence index
/// of that triple in the file. Line numbers are not part of it, so moving
/// code around leaves it unchanged. \p Findings must be sorted.
void assignFingerprints(std::vector<Finding> &Findings, SourceCache &Sources);

} // namespace racelint::cli

#endif
