# lit configuration for racelint's test suite.
import os
import shutil
import sys

import lit.formats

config.name = "racelint"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".c", ".cpp", ".test"]
config.excludes = ["Inputs", "check_racelint.py", "lsp_client.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.racelint_obj_root, "test")

bin_dir = os.path.join(config.racelint_obj_root, "bin")
plugin = os.path.join(config.racelint_obj_root, "lib", "racelint-tidy.so")
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, bin_dir, config.environment.get("PATH", "")])
# make sanitize's options for the instrumented binaries.
for var in ("ASAN_OPTIONS", "UBSAN_OPTIONS"):
    if var in os.environ:
        config.environment[var] = os.environ[var]
# Tests must not depend on the user's home configuration.
config.environment["HOME"] = config.test_exec_root
config.environment["XDG_CONFIG_HOME"] = os.path.join(config.test_exec_root, ".config")

python = sys.executable
runner = os.path.join(config.test_source_root, "check_racelint.py")
config.substitutions.append(
    ("%check_racelint",
     f"{python} {runner} --racelint={bin_dir}/racelint --plugin={plugin} "
     f"--clang-tidy={config.clang_tidy}"))
config.substitutions.append(("%racelint_clangd", os.path.join(bin_dir, "racelint-clangd")))
config.substitutions.append(("%racelint_plugin", plugin))
config.substitutions.append(("%racelint", os.path.join(bin_dir, "racelint")))
config.substitutions.append(("%clang_tidy", config.clang_tidy))
config.substitutions.append(("%clang_cc", config.clang))
config.substitutions.append(("%python", python))
config.substitutions.append(("%src_root", config.racelint_src_root))
config.substitutions.append(("%resource_dir", config.resource_dir))
config.substitutions.append(("%obj_root", config.racelint_obj_root))
# The official SARIF validator, installed by scripts/install-sarif-validator.sh
# (make test) into the build tree.
config.substitutions.append(
    ("%validate_sarif",
     os.path.join(config.racelint_obj_root, "node_modules", ".bin", "sarif-multitool")
     + " validate"))
