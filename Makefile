# Entry points: `make demo` and `make test` set up everything they need.
BUILD ?= build
LLVM_BIN ?= /usr/lib/llvm-22/bin
JOBS ?= $(shell nproc)

.PHONY: all deps build demo test check-lit clean fuzz fuzz-build sanitize

all: build

deps:
	@scripts/install-deps.sh

$(BUILD)/build.ninja: CMakeLists.txt | deps
	cmake -G Ninja -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null

build: deps $(BUILD)/build.ninja
	@ninja -C $(BUILD) -j $(JOBS)

# Runs racelint on the example program; its findings are the point, so the
# exit code 1 ("findings") is a success here.
demo: build
	@echo "== racelint examples/ (exit code 1 means: findings reported)"
	@$(BUILD)/bin/racelint examples/*.c examples/*.cpp -- -pthread; \
	  rc=$$?; [ $$rc -le 1 ] || exit $$rc

# The fuzzing smoke run comes first: the lit suite's "N passed, N failed"
# is the last line.
test: build fuzz-build
	@rm -rf $(FUZZ_BUILD)/fuzz/smoke
	@FUZZ_MAX_SEEDS=40 FUZZ_CORPUS=$(FUZZ_BUILD)/fuzz/smoke \
	  scripts/fuzz.sh $(FUZZ_BUILD) $(TEST_FUZZ_SECONDS) > $(FUZZ_BUILD)/fuzz-smoke.log 2>&1 || \
	  { tail -60 $(FUZZ_BUILD)/fuzz-smoke.log; echo "fuzz: smoke run failed, see $(FUZZ_BUILD)/fuzz-smoke.log"; exit 1; }
	@tail -1 $(FUZZ_BUILD)/fuzz-smoke.log
	@scripts/install-sarif-validator.sh $(BUILD)
	@scripts/run-tests.sh $(BUILD)

# libFuzzer + ASan build of the whole analysis (clang-22), in its own build
# directory; `make fuzz` runs it for FUZZ_SECONDS (scripts/fuzz.sh).
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 600
TEST_FUZZ_SECONDS ?= 60
CLANG ?= $(LLVM_BIN)/clang
CLANGXX ?= $(LLVM_BIN)/clang++

$(FUZZ_BUILD)/build.ninja: CMakeLists.txt | deps
	cmake -G Ninja -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=Release \
	  -DCMAKE_C_COMPILER=$(CLANG) -DCMAKE_CXX_COMPILER=$(CLANGXX) \
	  -DRACELINT_FUZZER=ON >/dev/null

fuzz-build: deps $(FUZZ_BUILD)/build.ninja
	@ninja -C $(FUZZ_BUILD) -j $(JOBS) racelint-fuzzer

fuzz: fuzz-build
	@scripts/fuzz.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

# racelint, the plugin and racelint-clangd built with ASan and UBSan (any
# report fails), and the whole lit suite run on them. Stack overflows are
# racelint's to catch (deep-code.test); LLVM frees nothing at exit; and
# LLVM's allocators poison memory only in the code built here, not in the
# libraries, which would report their own blocks as poisoned.
SANITIZE_BUILD ?= build-sanitize

$(SANITIZE_BUILD)/build.ninja: CMakeLists.txt | deps
	cmake -G Ninja -S . -B $(SANITIZE_BUILD) -DCMAKE_BUILD_TYPE=Release \
	  -DCMAKE_C_COMPILER=$(CLANG) -DCMAKE_CXX_COMPILER=$(CLANGXX) \
	  -DRACELINT_SANITIZE=ON >/dev/null

sanitize: deps $(SANITIZE_BUILD)/build.ninja
	@ninja -C $(SANITIZE_BUILD) -j $(JOBS)
	@scripts/install-sarif-validator.sh $(SANITIZE_BUILD)
	@ASAN_OPTIONS=detect_leaks=0:handle_segv=0:handle_sigbus=0:allow_user_poisoning=0:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  scripts/run-tests.sh $(SANITIZE_BUILD)

clean:
	rm -rf $(BUILD)

# Benchmarks (bench/README.md); not part of `make test`. Both use the
# racelint in $(BUILD). bench-perf fetches leveldb's Debian source package
# into $(RACELINT_BENCH_WORK), or uses RACELINT_BENCH_PROJECT=<checkout>.
BENCH_REPS ?= 3
RACELINT_BENCH_WORK ?= /tmp/racelint-bench
export RACELINT_BENCH_WORK

.PHONY: bench-accuracy bench-perf

bench-accuracy: build
	@python3 bench/score.py --racelint $(BUILD)/bin/racelint

bench-perf: build
	@dir=$$(bench/fetch-project.sh) && \
	  python3 bench/perf.py --build-dir "$$dir" --reps $(BENCH_REPS) \
	    --racelint $(BUILD)/bin/racelint --plugin $(BUILD)/lib/racelint-tidy.so \
	    --clangd $(BUILD)/bin/racelint-clangd && \
	  python3 bench/gen_growth.py --reps $(BENCH_REPS) --racelint $(BUILD)/bin/racelint
