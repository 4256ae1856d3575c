//===--- Database.h - Compile commands and configuration --------*- C++ -*-===//
//
// Reading -p's compilation database (checked entry by entry, one error line
// for anything wrong) and the clang-tidy configuration files.
//
//===----------------------------------------------------------------------===//

#ifndef RACELINT_TOOL_DATABASE_H
#define RACELINT_TOOL_DATABASE_H

#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"
#include <optional>

namespace racelint::cli {

bool isHeader(llvm::StringRef Path);

/// A compilation database and, for -p, the raw one (without interpolation) to
/// tell which files it really lists.
struct Database {
  std::unique_ptr<clang::tooling::CompilationDatabase> DB;
  clang::tooling::CompilationDatabase *Listed = nullptr;
  std::string Where; // the file it was read from, for messages
};

/// -p accepts the build directory or the compile_commands.json in it;
/// compile_flags.txt works as it does for clang tools.
llvm::Expected<Database> loadBuildDir(llvm::StringRef Path);

/// Without -p or '--', the nearest compile_commands.json or compile_flags.txt
/// above the first file, as clang-tidy finds it.
std::optional<std::string> findBuildDir(llvm::StringRef File);

/// Parses a clang-tidy configuration, turning YAML errors into one line
/// ("line 2, column 3: ...") instead of letting YAML print them.
llvm::ErrorOr<clang::tidy::ClangTidyOptions>
parseConfig(llvm::MemoryBufferRef Buf, std::string &Err);

/// \p Checks (a clang-tidy glob list) with its positive globs replaced by
/// the racelint checks they match: a .clang-tidy written for clang-tidy
/// enables clang-analyzer-* and others, whose results racelint would throw
/// away after paying for them.
std::string racelintChecksOnly(llvm::StringRef Checks);

/// A .clang-tidy file as racelint reads it: as clang-tidy does, except that
/// keys this clang-tidy does not know (AnalyzeTemporaryDtors, removed in
/// clang-tidy 16) are ignored, each with a line in \p Warnings, and that
/// its Checks enable racelint checks only (racelintChecksOnly).
llvm::ErrorOr<clang::tidy::ClangTidyOptions>
parseConfigFile(llvm::MemoryBufferRef Buf, std::string &Err,
                std::vector<std::string> *Warnings = nullptr);

/// clang-tidy warns about a .clang-tidy it cannot parse and goes on without
/// it; racelint would then run with other options than the user wrote, so
/// it is bad input. Checks the files that apply to \p File, nearest first.
std::optional<std::string> badConfigFile(llvm::StringRef File,
                                         llvm::StringSet<> &Checked);

} // namespace racelint::cli

#endif
