// --export-fixes writes racelint's diagnostics, with their notes, to YAML
// even though the check offers no fix-its.
// RUN: rm -f %t.yaml
// RUN: %clang_tidy --load=%racelint_plugin --checks='-*,racelint-*' \
// RUN:   --export-fixes=%t.yaml %s -- -std=c++17 > /dev/null 2>&1
// RUN: FileCheck %s --input-file=%t.yaml
// CHECK:      MainSourceFile:  '{{.*}}export-fixes.cpp'
// CHECK:      Diagnostics:
// CHECK-NEXT:   - DiagnosticName:  racelint-lock-discipline
// CHECK-NEXT:     DiagnosticMessage:
// CHECK-NEXT:       Message:         '''Mu'' is still held when ''leak'' returns'
// CHECK-NEXT:       FilePath:        '{{.*}}export-fixes.cpp'
// CHECK-NEXT:       FileOffset:      {{[0-9]+}}
// CHECK-NEXT:       Replacements:    []
// CHECK-NEXT:     Notes:
// CHECK-NEXT:       - Message:         '''Mu'' acquired here'
// CHECK-NEXT:         FilePath:        '{{.*}}export-fixes.cpp'
// CHECK:          Level:           Warning
// CHECK-NOT:  DiagnosticName:
// With --warnings-as-errors, the exported level is Error.
// RUN: not %clang_tidy --load=%racelint_plugin --checks='-*,racelint-*' \
// RUN:   --warnings-as-errors='racelint-*' --export-fixes=%t.err.yaml %s -- -std=c++17 > /dev/null 2>&1
// RUN: FileCheck %s --check-prefix=ERROR --input-file=%t.err.yaml
// ERROR: DiagnosticName:  racelint-lock-discipline
// ERROR: Level:           Error
#include <mutex>

std::mutex Mu;

void leak(bool B) {
  Mu.lock();
  if (B)
    return;
  Mu.unlock();
}
