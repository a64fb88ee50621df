# kepu — 许昌市科协“百千万科普工程” terminal application.
# `make run` and `make test` do all the set-up on a fresh Debian machine.

CC       ?= cc
PKGS     := ncursesw sqlite3 yaml-0.1 libpcre2-8
CSTD     := -std=c11 -D_DEFAULT_SOURCE
WARN     := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
OPT      ?= -O2 -g
SANITIZE ?=
ifeq ($(SANITIZE),1)
  BUILD  ?= build-san
  OPT    := -O1 -g -fno-omit-frame-pointer
  SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=undefined
else
  BUILD  ?= build
endif

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CFLAGS_ALL := $(CSTD) $(WARN) $(OPT) $(SANFLAGS) -Isrc -I$(BUILD)/gen $(PKG_CFLAGS) $(CFLAGS)
LDFLAGS_ALL := $(SANFLAGS) $(LDFLAGS)

# Every layer but main.c goes into one static library that the tests link too.
LIB_SRC  := $(wildcard src/core/*.c src/form/*.c src/store/*.c src/domain/*.c src/ui/*.c src/cli/*.c)
LIB_OBJ  := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/embedded.o
EMBED    := $(sort $(wildcard screens/*.yaml config/*.yaml data/*.yaml data/lists/*.yaml data/demo/*.csv))
TEST_SRC := $(wildcard tests/unit/test_*.c)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TOOLS    := $(BUILD)/tests/kepu-writer

DB       ?= data/demo.db
VERSION  := $(shell cat VERSION)

.PHONY: all deps run test unit e2e check clean demo
all: $(BUILD)/kepu docs/keys.md

# The key reference is generated from the one keymap table.
docs/keys.md: $(BUILD)/kepu
	$(BUILD)/kepu keys >$@.tmp && mv $@.tmp $@

deps:
	@./tools/deps.sh

$(BUILD)/gen/embedded.c: tools/embed.sh $(EMBED)
	@mkdir -p $(@D)
	./tools/embed.sh $@ $(EMBED)

$(BUILD)/gen/version.h: VERSION
	@mkdir -p $(@D)
	echo '#define KEPU_VERSION "$(VERSION)"' >$@

$(BUILD)/obj/%.o: src/%.c $(BUILD)/gen/version.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(BUILD)/obj/gen/embedded.o: $(BUILD)/gen/embedded.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -c $< -o $@

$(BUILD)/libkepu.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/kepu: $(BUILD)/obj/main.o $(BUILD)/libkepu.a
	$(CC) $(LDFLAGS_ALL) -o $@ $^ $(PKG_LIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/unit.h $(BUILD)/libkepu.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) $(shell pkg-config --cflags cmocka) -Itests/unit -o $@ $< \
		$(BUILD)/libkepu.a $(PKG_LIBS) $(shell pkg-config --libs cmocka) $(LDFLAGS_ALL)

$(BUILD)/tests/kepu-writer: tests/tools/writer.c $(BUILD)/libkepu.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(BUILD)/libkepu.a $(PKG_LIBS) $(LDFLAGS_ALL)

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)

$(DB): $(BUILD)/kepu
	$(BUILD)/kepu init --db $@ --demo

demo: deps all
	@test -f $(DB) || $(BUILD)/kepu init --db $(DB) --demo

run: demo
	$(BUILD)/kepu --db $(DB)

# Unit tests, then the end-to-end scenarios; the runner prints "N passed, N failed".
test: deps
	@$(MAKE) --no-print-directory all $(TEST_BIN) $(TOOLS)
	@BUILD=$(BUILD) ./tests/run.sh $(TEST_BIN)

unit: all $(TEST_BIN)
	@BUILD=$(BUILD) ./tests/run.sh --unit-only $(TEST_BIN)

e2e: all $(TOOLS)
	@BUILD=$(BUILD) ./tests/run.sh --e2e-only

check: all
	$(BUILD)/kepu check

clean:
	rm -rf build build-san
