# Two commands do everything on a fresh Debian bookworm machine:
#   make demo   set up, Release build, run examples/abilene.toml, write out/abilene/
#   make test   set up, format and convention checks, Debug build with ASan+UBSan and all its
#               tests, Release build (-Werror, benchmarks included) and all its tests (the
#               examples against their pinned KPIs), clang-tidy: what CI runs (.ci/run)
.PHONY: demo test check setup release release-all dev dev-test release-test conventions tidy \
        format format-check docs bench clean

JOBS := $(shell nproc)

FORMAT_FILES = $(shell find app bench include src tests -name '*.cpp' -o -name '*.hpp' 2>/dev/null)

demo: setup release
	./build/release/app/stargate run examples/abilene.toml --out out/abilene

test: setup format-check conventions dev-test release-test tidy

# The quick loop while working: the Debug build with sanitizers and its tests.
check: dev-test

dev-test: dev
	ctest --preset dev -j$(JOBS)

release-test: release-all
	ctest --preset release -j$(JOBS)

conventions:
	python3 scripts/check-conventions

tidy: release-all
	scripts/tidy build/release

setup:
	@bash scripts/setup

release:
	cmake --preset release
	cmake --build --preset release --target stargate

release-all:
	cmake --preset release
	cmake --build --preset release

dev:
	cmake --preset dev
	cmake --build --preset dev

format:
	clang-format -i $(FORMAT_FILES)

format-check:
	clang-format --dry-run --Werror $(FORMAT_FILES)
	@echo "format: $(words $(FORMAT_FILES)) files clean"

# Regenerates docs/scenario.md from the schema declarations.
docs: release
	./build/release/app/stargate schema --markdown > docs/scenario.md

bench: setup release-all
	for b in build/release/bench/bench_*; do $$b; done

clean:
	rm -rf build out
