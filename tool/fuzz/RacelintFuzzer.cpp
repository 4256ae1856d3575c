//===--- RacelintFuzzer.cpp - libFuzzer target: the whole analysis --------===//
//
// Runs what `racelint file -- <flags>` runs on one mutated source: clang,
// every racelint check, the CLI's conversion of the diagnostics, the worker
// protocol, fingerprints and the three output formats. An input is C++17
// unless it starts with the comment /*C*/ (scripts/fuzz.sh marks the C
// seeds so).
//
// C++ inputs get a precompiled header of the standard headers racelint's
// tests use (built once per process with the pinned clang), so that an
// execution costs the analysis of the input rather than the parsing of
// <mutex> and <thread>; their own #includes of those headers are then
// no-ops, as with any include guard.
//
//===----------------------------------------------------------------------===//

#include "Findings.h"
#include "Output.h"
#include "Runner.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdio>
#include <cstdlib>

using namespace clang;
using namespace clang::tidy;
using namespace llvm;
using namespace racelint::cli;

extern volatile int RacelintModuleAnchorSource;
static int LLVM_ATTRIBUTE_UNUSED RacelintModuleAnchorDestination =
    RacelintModuleAnchorSource;

namespace {

constexpr StringLiteral CMarker = "/*C*/";

constexpr StringLiteral Prelude = R"cpp(
#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <functional>
#include <future>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <shared_mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>
#include <pthread.h>
)cpp";

struct Fuzzer {
  std::string Dir;
  std::unique_ptr<tooling::CompilationDatabase> CDB, CxxDB;
  std::unique_ptr<ClangTidyContext> Context;
  IntrusiveRefCntPtr<vfs::OverlayFileSystem> FS;
};

Fuzzer *F;

[[noreturn]] void die(const Twine &Msg) {
  errs() << "racelint-fuzzer: " << Msg << "\n";
  exit(1);
}

/// A broken invariant: a crash, so that libFuzzer keeps the input.
[[noreturn]] void bug(const Twine &Msg) {
  errs() << "racelint-fuzzer: " << Msg << "\n";
  abort();
}

void writeFile(StringRef Path, StringRef Text) {
  std::error_code EC;
  raw_fd_ostream OS(Path, EC);
  if (EC)
    die("cannot write '" + Path + "': " + EC.message());
  OS << Text;
  OS.close();
  if (OS.has_error())
    die("cannot write '" + Path + "'");
}

/// Builds the precompiled prelude with the pinned clang; the flags must be
/// those the inputs are compiled with.
std::string buildPrelude(StringRef Dir, ArrayRef<std::string> Flags) {
  SmallString<128> Header(Dir), PCH(Dir);
  sys::path::append(Header, "prelude.h");
  sys::path::append(PCH, "prelude.pch");
  writeFile(Header, Prelude);
  std::vector<StringRef> Args = {RACELINT_CLANG, "-x", "c++-header"};
  for (const std::string &A : Flags)
    Args.push_back(A);
  Args.insert(Args.end(), {"-w", "-resource-dir", RACELINT_RESOURCE_DIR,
                           "-Xclang", "-fno-pch-timestamp", Header, "-o",
                           PCH});
  std::string Err;
  if (sys::ExecuteAndWait(RACELINT_CLANG, Args, std::nullopt, {}, 0, 0,
                          &Err) != 0)
    die("cannot build the precompiled prelude " + PCH + " " + Err);
  return std::string(PCH);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  F = new Fuzzer;
  SmallString<128> Dir;
  if (sys::fs::createUniqueDirectory("racelint-fuzz", Dir))
    die("cannot create a temporary directory");
  F->Dir = std::string(Dir);
  // libFuzzer ends with exit(); a crash keeps the directory to look at.
  atexit([] { sys::fs::remove_directories(F->Dir); });
  std::vector<std::string> CxxFlags = {"-std=c++17", "-pthread"};
  std::string PCH = buildPrelude(F->Dir, CxxFlags);
  CxxFlags.insert(CxxFlags.end(), {"-include-pch", PCH});
  F->CxxDB = std::make_unique<tooling::FixedCompilationDatabase>(F->Dir,
                                                                  CxxFlags);
  F->CDB = std::make_unique<tooling::FixedCompilationDatabase>(
      F->Dir, std::vector<std::string>{"-std=gnu17", "-pthread"});

  ClangTidyOptions Defaults = ClangTidyOptions::getDefaults();
  Defaults.Checks = "-*,racelint-*";
  Defaults.SystemHeaders = false;
  ClangTidyOptions Overrides;
  Overrides.ExtraArgsBefore = extraArgsBefore();
  F->Context = std::make_unique<ClangTidyContext>(
      std::make_unique<DefaultOptionsProvider>(ClangTidyGlobalOptions(),
                                               Defaults.merge(Overrides, 1)));
  F->FS = makeIntrusiveRefCnt<vfs::OverlayFileSystem>(vfs::getRealFileSystem());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  StringRef Text(reinterpret_cast<const char *>(Data), Size);
  bool IsC = Text.starts_with(CMarker);
  SmallString<128> Path(F->Dir);
  sys::path::append(Path, IsC ? "input.c" : "input.cpp");
  writeFile(Path, Text);

  // One runner per input: a fresh one is what each worker process starts
  // with, and a runner reused after an error must not hide a bug here.
  TURunner Run(*F->Context, IsC ? *F->CDB : *F->CxxDB, F->FS);
  TUResult R = Run.run(Path);
  if (R.Crashed)
    bug("the analysis reported a crash without crashing");

  // The worker protocol carries the result unchanged.
  TUResult Back;
  json::Path::Root Root;
  if (!fromJSON(toJSON(R), Back, Root) ||
      Back.Findings.size() != R.Findings.size())
    bug("the worker protocol lost a result");

  std::vector<Finding> All = std::move(R.Findings);
  sortAndDeduplicate(All);
  SourceCache Sources;
  assignFingerprints(All, Sources);
  std::vector<const Finding *> Reported;
  for (const Finding &Fd : All) {
    if (!Fd.File.empty() && Fd.File == Path.str() && Fd.Offset > Size)
      bug("a finding is past the end of the input");
    Reported.push_back(&Fd);
  }
  std::string Out;
  raw_string_ostream OS(Out);
  for (const Finding *Fd : Reported)
    writeText(OS, *Fd, Sources);
  writeJSON(OS, Reported, F->Dir, Sources);
  writeSarif(OS, Reported, F->Dir, Sources);
  return 0;
}
