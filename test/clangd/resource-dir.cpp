// A --resource-dir the user gives, on the command line or in CLANGD_FLAGS,
// replaces the one racelint-clangd passes by default, and a -resource-dir in
// the compile command overrides both. An empty resource directory shows what
// a wrong one looks like: clang's builtin headers are not found and clangd
// reports an error at the #include.
// RUN: rm -rf %t.empty && mkdir -p %t.empty/include
// RUN: %clangd_lsp --show-resource-dir --clangd-arg=--resource-dir=%t.empty \
// RUN:     %s %t -- -std=c++17 \
// RUN:   | FileCheck %s -DEMPTY=%t.empty \
// RUN:       --implicit-check-not="{{error|warning|info|hint|note}}:"
// RUN: %clangd_lsp --show-resource-dir --clangd-flags-env=-resource-dir=%t.empty \
// RUN:     %s %t -- -std=c++17 \
// RUN:   | FileCheck %s -DEMPTY=%t.empty \
// RUN:       --implicit-check-not="{{error|warning|info|hint|note}}:"
// RUN: %clangd_lsp --show-resource-dir %s %t -- -std=c++17 -resource-dir=%t.empty \
// RUN:   | FileCheck %s -DEMPTY=%t.empty \
// RUN:       --implicit-check-not="{{error|warning|info|hint|note}}:"
#include <stddef.h>
// CHECK: resource-dir.cpp:[[@LINE-1]]:10: error: 'stddef.h' file not found [pp_file_not_found]
// CHECK: resource-dir: [[EMPTY]]{{$}}
