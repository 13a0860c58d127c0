# xwalk - cross-walk engine between national cybersecurity standards.
#
#   make demo     install missing packages, build, create ./xwalk.db, report
#   make check    install missing packages, build, run every test (plain and
#                 under AddressSanitizer + UndefinedBehaviorSanitizer)
#   make bench    timings on synthetic data, written to BENCHMARKS.md
#   make install  PREFIX=/usr/local DESTDIR=

PREFIX ?= /usr/local
DESTDIR ?=
CC ?= cc
CFLAGS ?= -O2 -g
BUILD ?= build
BIN ?= xwalk

PKGS = sqlite3 jansson libxml-2.0 yaml-0.1 xlsxwriter libmicrohttpd
XW_CFLAGS = -std=c11 -D_DEFAULT_SOURCE -Wall -Wextra -Werror \
	-Iengine/include -Iengine -Iimporters $(shell pkg-config --cflags $(PKGS))
XW_LIBS = $(shell pkg-config --libs $(PKGS)) -lcsv -lm
CHECK_CFLAGS = $(shell pkg-config --cflags check)
CHECK_LIBS = $(shell pkg-config --libs check)

ifeq ($(SAN),1)
XW_CFLAGS += -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all
XW_LDFLAGS += -fsanitize=address,undefined
endif

LIB_SRC = $(wildcard engine/*.c) $(wildcard importers/*.c)
CLI_SRC = $(wildcard engine/cli/*.c) $(BUILD)/web_page.c
UNIT_SRC = $(wildcard tests/unit/*.c)
LIB_OBJ = $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ = $(filter-out $(BUILD)/$(BUILD)/%,$(CLI_SRC:%.c=$(BUILD)/%.o)) \
	$(BUILD)/web_page.o
UNIT_OBJ = $(UNIT_SRC:%.c=$(BUILD)/%.o)
HEADERS = $(wildcard engine/*.h engine/include/*.h engine/cli/*.h importers/*.h tests/unit/*.h)

.PHONY: all deps demo check test unit cli-test asan bench fuzz fuzz-smoke fuzz-lib \
	reliability browser \
	install clean

all: $(BIN)

deps:
	@sh scripts/install-deps

$(BUILD)/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(XW_CFLAGS) -c -o $@ $<

$(BUILD)/tests/unit/%.o: tests/unit/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(XW_CFLAGS) $(CHECK_CFLAGS) -c -o $@ $<

# The web page (web/index.html) is compiled into the binary.
$(BUILD)/web_page.c: web/index.html scripts/embed.sh
	@mkdir -p $(dir $@)
	sh scripts/embed.sh cli_web_page web/index.html > $@

$(BUILD)/web_page.o: $(BUILD)/web_page.c
	$(CC) $(CFLAGS) $(XW_CFLAGS) -c -o $@ $<

$(BUILD)/libxwalk.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(BUILD)/libxwalk.a
	$(CC) $(CFLAGS) $(XW_LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libxwalk.a $(XW_LIBS)

$(BUILD)/unit-tests: $(UNIT_OBJ) $(BUILD)/libxwalk.a
	$(CC) $(CFLAGS) $(XW_LDFLAGS) -o $@ $(UNIT_OBJ) $(BUILD)/libxwalk.a \
		$(XW_LIBS) $(CHECK_LIBS)

demo: deps
	@$(MAKE) --no-print-directory all
	./$(BIN) --db xwalk.db init
	@echo
	./$(BIN) --db xwalk.db frameworks
	@echo
	./$(BIN) --db xwalk.db sets
	@echo
	./$(BIN) --db xwalk.db coverage --target jp-cip --from nist-ssdf-1.1,nist-csf-2.0
	@echo
	./$(BIN) --db xwalk.db explain jp-cip:3 --from nist-ssdf-1.1,nist-csf-2.0

unit: $(BUILD)/unit-tests
	XWALK_SOURCE=$(CURDIR) $(BUILD)/unit-tests

cli-test: $(BIN)
	XWALK_BIN=$(CURDIR)/$(BIN) XWALK_DATA=$(CURDIR)/mappings \
		bash tests/cli/run.sh tests/cli/*.test

test: unit cli-test

asan:
	@$(MAKE) --no-print-directory BUILD=build/asan BIN=build/asan/xwalk SAN=1 \
		CFLAGS="-O1 -g" test

# Kills imports at random moments, and reads during an import.
reliability: $(BIN) $(BUILD)/generate
	XWALK_BIN=$(CURDIR)/$(BIN) GENERATE=$(CURDIR)/$(BUILD)/generate \
		bash tests/reliability/crash.sh
	XWALK_BIN=$(CURDIR)/$(BIN) GENERATE=$(CURDIR)/$(BUILD)/generate \
		bash tests/reliability/concurrent.sh

check: deps
	@$(MAKE) --no-print-directory test
	@$(MAKE) --no-print-directory reliability
	@$(MAKE) --no-print-directory browser
	@$(MAKE) --no-print-directory asan
	@$(MAKE) --no-print-directory fuzz-smoke

# The web view in headless Chromium, then 200 concurrent API clients.
browser: $(BIN)
	@sh scripts/install-browser-deps
	XWALK_BIN=$(CURDIR)/$(BIN) OUT=$(CURDIR)/$(BUILD)/browser \
		bash tests/browser/run.sh

$(BUILD)/generate: tests/bench/generate.c
	@mkdir -p $(dir $@)
	$(CC) -O2 $(XW_CFLAGS) -o $@ $<

# Timings go here, never into make check.
bench: deps
	@$(MAKE) --no-print-directory all $(BUILD)/generate
	XWALK_BIN=$(CURDIR)/$(BIN) GENERATE=$(CURDIR)/$(BUILD)/generate \
		OUT=$(CURDIR)/BENCHMARKS.md bash tests/bench/run.sh

# Fuzzing with libFuzzer (clang): `make fuzz` runs each harness for
# FUZZ_SECONDS (60) on a copy of its seed corpus in tests/fuzz/corpus;
# make check runs a short round of each.  Inputs that once crashed are kept
# in tests/fuzz/regressions/NAME and replayed every time.
FUZZ_SECONDS ?= 60
FUZZ_HARNESSES = csv formats
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all

fuzz-lib:
	@$(MAKE) --no-print-directory BUILD=build/fuzz CC=clang \
		CFLAGS="-g -O1 -fsanitize=fuzzer-no-link $(FUZZ_SAN)" \
		build/fuzz/libxwalk.a

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c build/fuzz/libxwalk.a
	clang -g -O1 -fsanitize=fuzzer $(FUZZ_SAN) $(XW_CFLAGS) -o $@ $< \
		build/fuzz/libxwalk.a $(XW_LIBS)

fuzz: deps
	@$(MAKE) --no-print-directory fuzz-lib
	@$(MAKE) --no-print-directory $(FUZZ_HARNESSES:%=build/fuzz/fuzz_%)
	@for h in $(FUZZ_HARNESSES); do \
		mkdir -p build/fuzz/corpus-$$h build/fuzz/artifacts && \
		cp tests/fuzz/corpus/$$h/* build/fuzz/corpus-$$h/ && \
		if [ -d tests/fuzz/regressions/$$h ]; then \
			build/fuzz/fuzz_$$h tests/fuzz/regressions/$$h/* || exit 1; fi && \
		echo "fuzz: $$h for $(FUZZ_SECONDS) s" && \
		build/fuzz/fuzz_$$h -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
			-rss_limit_mb=2048 -print_final_stats=1 \
			-artifact_prefix=build/fuzz/artifacts/$$h- \
			build/fuzz/corpus-$$h 2>build/fuzz/$$h.log || \
			{ tail -40 build/fuzz/$$h.log; exit 1; }; \
		grep -E '^stat::number_of_executed_units' build/fuzz/$$h.log; \
	done

fuzz-smoke:
	@$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=20

install: $(BIN)
	install -D -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/xwalk
	install -D -m 644 engine/include/xwalk.h $(DESTDIR)$(PREFIX)/include/xwalk.h
	install -D -m 644 $(BUILD)/libxwalk.a $(DESTDIR)$(PREFIX)/lib/libxwalk.a
	cd mappings && find . -type f -name '*.csv' -exec \
		install -D -m 644 {} $(DESTDIR)$(PREFIX)/share/xwalk/mappings/{} \;

clean:
	rm -rf build $(BIN)
