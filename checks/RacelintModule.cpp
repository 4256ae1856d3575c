//===--- RacelintModule.cpp - Registers racelint's checks -----------------===//

#include "clang-tidy/ClangTidyModule.h"
#include "InconsistentLockingCheck.h"
#include "LockDisciplineCheck.h"
#include "LockOrderCheck.h"
#include "NonatomicRmwCheck.h"
#include "ThreadCaptureCheck.h"
#include "UnguardedSharedStateCheck.h"

namespace racelint {

class RacelintModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &F) override {
#define RACELINT_CHECK(Class, Id, HasFixIts, Summary)                          \
  F.registerCheck<Class>("racelint-" Id);
#include "Checks.def"
  }
};

} // namespace racelint

static clang::tidy::ClangTidyModuleRegistry::Add<racelint::RacelintModule>
    X("racelint-module", "Thread-safety checks: races, atomicity, locking.");

// Referenced by the tools so the linker keeps this registration.
volatile int RacelintModuleAnchorSource = 0;
