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

PKGS = sqlite3 jansson libxml-2.0 yaml-0.1 xlsxwriter
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
CLI_SRC = $(wildcard engine/cli/*.c)
UNIT_SRC = $(wildcard tests/unit/*.c)
LIB_OBJ = $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ = $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_OBJ = $(UNIT_SRC:%.c=$(BUILD)/%.o)
HEADERS = $(wildcard engine/*.h engine/include/*.h engine/cli/*.h importers/*.h tests/unit/*.h)

.PHONY: all deps demo check test unit cli-test asan bench install clean

all: $(BIN)

deps:
	@sh scripts/install-deps

$(BUILD)/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(XW_CFLAGS) -c -o $@ $<

$(BUILD)/tests/unit/%.o: tests/unit/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(XW_CFLAGS) $(CHECK_CFLAGS) -c -o $@ $<

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

check: deps
	@$(MAKE) --no-print-directory test
	@$(MAKE) --no-print-directory asan

$(BUILD)/generate: tests/bench/generate.c
	@mkdir -p $(dir $@)
	$(CC) -O2 $(XW_CFLAGS) -o $@ $<

# Timings go here, never into make check.
bench: deps
	@$(MAKE) --no-print-directory all $(BUILD)/generate
	XWALK_BIN=$(CURDIR)/$(BIN) GENERATE=$(CURDIR)/$(BUILD)/generate \
		OUT=$(CURDIR)/BENCHMARKS.md bash tests/bench/run.sh

install: $(BIN)
	install -D -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/xwalk
	install -D -m 644 engine/include/xwalk.h $(DESTDIR)$(PREFIX)/include/xwalk.h
	install -D -m 644 $(BUILD)/libxwalk.a $(DESTDIR)$(PREFIX)/lib/libxwalk.a
	cd mappings && find . -type f -name '*.csv' -exec \
		install -D -m 644 {} $(DESTDIR)$(PREFIX)/share/xwalk/mappings/{} \;

clean:
	rm -rf build $(BIN)
