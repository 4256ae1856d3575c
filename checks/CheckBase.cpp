//===--- CheckBase.cpp - Base of every racelint check ---------------------===//

#include "CheckBase.h"
#include "analysis/Project.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <algorithm>

using namespace clang::tidy;

namespace racelint {

std::vector<std::string> splitList(llvm::StringRef Value) {
  std::vector<std::string> Out;
  std::string Normalized = Value.str();
  std::replace(Normalized.begin(), Normalized.end(), ',', ';');
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  llvm::StringRef(Normalized).split(Parts, ';', -1, false);
  for (llvm::StringRef P : Parts)
    if (!P.trim().empty())
      Out.push_back(P.trim().str());
  return Out;
}

std::string joinList(const std::vector<std::string> &Items) {
  std::string S;
  for (const std::string &I : Items) {
    if (!S.empty())
      S += ";";
    S += I;
  }
  return S;
}

static LockConfig readConfig(const ClangTidyCheck::OptionsView &Options) {
  LockConfig C;
  C.LockFunctions = splitList(Options.getLocalOrGlobal("LockFunctions", ""));
  C.UnlockFunctions =
      splitList(Options.getLocalOrGlobal("UnlockFunctions", ""));
  C.ScopedLockTypes =
      splitList(Options.getLocalOrGlobal("ScopedLockTypes", ""));
  return C;
}

RacelintCheck::RacelintCheck(llvm::StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Config(readConfig(Options)),
      ProjectSummaries(Options.getLocalOrGlobal("ProjectSummaries", "")) {
  // The racelint CLI merges summaries itself; a single-TU front end
  // (clang-tidy, clangd) reads them from the directory.
  if (ProjectIndex::pinned())
    return;
  std::string Dir =
      ProjectIndex::directoryFor(ProjectSummaries, Context->getCurrentFile());
  if (Dir.empty())
    return;
  if (llvm::Error E = ProjectIndex::useDirectory(Dir))
    configurationDiag("cannot use the project summaries: %0")
        << llvm::toString(std::move(E));
}

void RacelintCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "ProjectSummaries", ProjectSummaries);
  Options.store(Opts, "LockFunctions", joinList(Config.LockFunctions));
  Options.store(Opts, "UnlockFunctions", joinList(Config.UnlockFunctions));
  Options.store(Opts, "ScopedLockTypes", joinList(Config.ScopedLockTypes));
}

} // namespace racelint

namespace racelint {

/// C's constructors by the usual naming conventions.
static constexpr llvm::StringLiteral DefaultInitFunctions =
    "*_init;init_*;*_initialize;initialize_*";

static RaceConfig readRaceConfig(const ClangTidyCheck::OptionsView &Options) {
  RaceConfig C;
  C.ConcurrentClasses =
      splitList(Options.getLocalOrGlobal("ConcurrentClasses", ""));
  C.ThreadEntryFunctions =
      splitList(Options.getLocalOrGlobal("ThreadEntryFunctions", ""));
  C.InitFunctions = splitList(
      Options.getLocalOrGlobal("InitFunctions", DefaultInitFunctions));
  if (std::optional<double> R = parseMinGuardedRatio(
          Options.getLocalOrGlobal("MinGuardedRatio", "0.5")))
    C.MinGuardedRatio = *R;
  return C;
}

std::optional<double> parseMinGuardedRatio(llvm::StringRef Value) {
  double R;
  if (Value.trim().getAsDouble(R) || !(R > 0 && R <= 1))
    return std::nullopt;
  return R;
}

RaceCheck::RaceCheck(llvm::StringRef Name, ClangTidyContext *Context)
    : RacelintCheck(Name, Context), RaceOptions(readRaceConfig(Options)) {
  // As clang-tidy does for its own options: say so, keep the default.
  llvm::StringRef Ratio = Options.getLocalOrGlobal("MinGuardedRatio", "0.5");
  if (!parseMinGuardedRatio(Ratio))
    configurationDiag("invalid configuration value '%0' for option '%1': "
                      "expected a number greater than 0 and at most 1")
        << Ratio << "MinGuardedRatio";
}

void RaceCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  RacelintCheck::storeOptions(Opts);
  Options.store(Opts, "ConcurrentClasses", joinList(RaceOptions.ConcurrentClasses));
  Options.store(Opts, "ThreadEntryFunctions",
                joinList(RaceOptions.ThreadEntryFunctions));
  Options.store(Opts, "InitFunctions", joinList(RaceOptions.InitFunctions));
  std::string Ratio = std::to_string(RaceOptions.MinGuardedRatio);
  while (Ratio.size() > 3 && Ratio.back() == '0')
    Ratio.pop_back();
  Options.store(Opts, "MinGuardedRatio", Ratio);
}

} // namespace racelint
