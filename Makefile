# Two commands do everything on a fresh Debian bookworm machine:
#   make demo   set up, Release build, run examples/abilene.toml, write out/abilene/
#   make test   set up, format check, Debug build with ASan+UBSan, all tests
.PHONY: demo test setup release dev format format-check docs bench clean

FORMAT_FILES = $(shell find app bench include src tests -name '*.cpp' -o -name '*.hpp' 2>/dev/null)

demo: setup release
	./build/release/app/stargate run examples/abilene.toml --out out/abilene

test: setup format-check dev
	ctest --preset dev

setup:
	@bash scripts/setup

release:
	cmake --preset release
	cmake --build --preset release --target stargate

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

bench: setup
	cmake --preset release
	cmake --build --preset release
	for b in build/release/bench/bench_*; do $$b; done

clean:
	rm -rf build out
