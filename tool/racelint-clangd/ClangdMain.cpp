//===--- ClangdMain.cpp - clangd with the racelint checks linked in -------===//
//
// The stock clangd entry point; linking the racelint module registers its
// checks, and the resource directory of the pinned clang is passed unless
// the user gives one, since this binary does not live beside clang's.
//
//===----------------------------------------------------------------------===//

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/StringSaver.h"
#include <cstdlib>
#include <vector>

namespace clang {
namespace clangd {
int clangdMain(int argc, char *argv[]);
} // namespace clangd
} // namespace clang

extern volatile int RacelintModuleAnchorSource;
static int RacelintModuleAnchorDestination [[maybe_unused]] =
    RacelintModuleAnchorSource;

// True for -resource-dir and --resource-dir, with or without "=value".
static bool isResourceDirFlag(llvm::StringRef Arg) {
  if (!Arg.consume_front("-"))
    return false;
  Arg.consume_front("-");
  return Arg == "resource-dir" || Arg.starts_with("resource-dir=");
}

// Whether the user chose a resource directory, on the command line or in
// CLANGD_FLAGS (which clangd parses before argv, so ours would win).
static bool userGaveResourceDir(int Argc, char *Argv[]) {
  for (int I = 1; I < Argc; ++I)
    if (isResourceDirFlag(Argv[I]))
      return true;
  const char *Env = std::getenv("CLANGD_FLAGS");
  if (!Env)
    return false;
  llvm::BumpPtrAllocator Alloc;
  llvm::StringSaver Saver(Alloc);
  llvm::SmallVector<const char *, 8> EnvArgs;
  llvm::cl::TokenizeGNUCommandLine(Env, Saver, EnvArgs);
  for (const char *Arg : EnvArgs)
    if (Arg && isResourceDirFlag(Arg))
      return true;
  return false;
}

int main(int argc, char *argv[]) {
  std::vector<char *> Args(argv, argv + argc);
  static char ResourceDir[] = "--resource-dir=" RACELINT_RESOURCE_DIR;
  if (!userGaveResourceDir(argc, argv))
    Args.insert(Args.begin() + 1, ResourceDir);
  Args.push_back(nullptr);
  return clang::clangd::clangdMain(static_cast<int>(Args.size() - 1),
                                   Args.data());
}
