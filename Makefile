# Entry points: `make demo` and `make test` set up everything they need.
BUILD ?= build
LLVM_BIN ?= /usr/lib/llvm-22/bin
JOBS ?= $(shell nproc)

.PHONY: all deps build demo test check-lit clean

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

test: build
	@scripts/install-sarif-validator.sh $(BUILD)
	@scripts/run-tests.sh $(BUILD)

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
