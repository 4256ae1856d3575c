//===--- Output.h - Findings as text, JSON and SARIF ------------*- C++ -*-===//

#ifndef RACELINT_TOOL_OUTPUT_H
#define RACELINT_TOOL_OUTPUT_H

#include "Findings.h"
#include "llvm/Support/raw_ostream.h"

namespace racelint::cli {

/// A file as reports name it: relative to \p SourceRoot when under it,
/// absolute otherwise.
std::string reportPath(llvm::StringRef File, llvm::StringRef SourceRoot);

/// clang's format: "file:line:col: warning: message [check]" and its notes.
void writeText(llvm::raw_ostream &OS, const Finding &F, SourceCache &Sources);

/// racelint's JSON: {"version": 1, "findings": [...]}, paths relative to
/// \p SourceRoot (see docs/cli.md).
void writeJSON(llvm::raw_ostream &OS, llvm::ArrayRef<const Finding *> Findings,
               llvm::StringRef SourceRoot, SourceCache &Sources);

/// SARIF 2.1.0, one run, one rule per check with its documentation page as
/// help, URIs relative to the SRCROOT base id (\p SourceRoot).
void writeSarif(llvm::raw_ostream &OS, llvm::ArrayRef<const Finding *> Findings,
                llvm::StringRef SourceRoot, SourceCache &Sources);

/// The lock graph in Graphviz DOT: a node per lock, an edge per order with
/// the number of places that take it and one of them, cycles in red.
/// Deterministic: nodes and edges sorted by name.
void writeLockGraph(llvm::raw_ostream &OS,
                    llvm::ArrayRef<TUResult::LockEdge> Orders,
                    llvm::StringRef SourceRoot, SourceCache &Sources);

} // namespace racelint::cli

#endif
