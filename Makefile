# One entry point for the chores; the README's two commands are `make verify` and `make test`.
SWIFT ?= swift

.PHONY: deps build verify test schema docs bench clean

deps:
	@bash .ci/install-deps

build: deps
	$(SWIFT) build -c release --static-swift-stdlib

verify: build
	$$($(SWIFT) build -c release --static-swift-stdlib --show-bin-path)/modelreg verify

test: deps
	$(SWIFT) test

# Regenerates the copy of the schema built into modelreg (a test fails when it is stale).
schema:
	@{ printf '// Generated from schemas/model.schema.json by `make schema`; do not edit.\n\nenum BundledSchema {\n    static let text = #"""\n'; \
	  cat schemas/model.schema.json; \
	  printf '"""#\n}\n'; } > Sources/ModelRegistry/Schema/BundledSchema.swift

# Regenerates docs/rules.md from the rules' own descriptions (a test fails when it is stale).
docs: build
	$$($(SWIFT) build -c release --static-swift-stdlib --show-bin-path)/modelreg rules --format markdown > docs/rules.md

bench: build
	bash bench/run.sh

clean:
	rm -rf .build
