//===--- ClangdMain.cpp - clangd with the racelint checks linked in -------===//
//
// The stock clangd entry point; linking the racelint module registers its
// checks, and the resource directory of the pinned clang is passed unless
// the user gives one, since this binary does not live beside clang's.
//
//===----------------------------------------------------------------------===//

#include "llvm/ADT/StringRef.h"
#include <vector>

namespace clang {
namespace clangd {
int clangdMain(int argc, char *argv[]);
} // namespace clangd
} // namespace clang

extern volatile int RacelintModuleAnchorSource;
static int RacelintModuleAnchorDestination [[maybe_unused]] =
    RacelintModuleAnchorSource;

int main(int argc, char *argv[]) {
  std::vector<char *> Args(argv, argv + argc);
  bool HasResourceDir = false;
  for (int I = 1; I < argc; ++I)
    if (llvm::StringRef(argv[I]).contains("resource-dir"))
      HasResourceDir = true;
  static char ResourceDir[] = "--resource-dir=" RACELINT_RESOURCE_DIR;
  if (!HasResourceDir)
    Args.insert(Args.begin() + 1, ResourceDir);
  Args.push_back(nullptr);
  return clang::clangd::clangdMain(static_cast<int>(Args.size() - 1),
                                   Args.data());
}
