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
	@scripts/run-tests.sh $(BUILD)

clean:
	rm -rf $(BUILD)
