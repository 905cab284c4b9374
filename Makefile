# ChainCRM: the two commands are `make run` and `make test`; everything they need is
# installed by scripts/install-deps.sh (Debian packages) and npm ci.

.PHONY: all deps web build run test clean

all: build

deps:
	@bash scripts/install-deps.sh

web: deps
	@bash scripts/build-web.sh

build: deps web
	cmake --preset release
	cmake --build --preset release
	@echo "built build/release/chaincrm"

run: build
	./build/release/chaincrm serve --db sqlite:data/chaincrm.db --port 8080 --web-root web/dist --demo-if-empty 1000

test: deps
	@bash scripts/test.sh

clean:
	rm -rf build web/dist
