# SPDX-License-Identifier: MulanPSL-2.0
# kepu — 许昌市科协“百千万科普工程” terminal application.
# After `apt-get install -y make`, `make run` and `make test` do all the set-up
# on a fresh Debian machine (tools/deps.sh).

CC       ?= cc
# Linked in statically (fewer shared objects to map and relocate at start-up);
# libxlsxwriter is loaded only when a workbook is written (src/domain/xlsx_lib.c).
STATIC_PKGS := ncursesw sqlite3 yaml-0.1 libpcre2-8 minizip zlib expat libsodium
PKGS     := $(STATIC_PKGS) xlsxwriter
CSTD     := -std=c11 -D_DEFAULT_SOURCE -pthread
WARN     := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
OPT      ?= -O2 -g
SANITIZE ?=
FUZZ     ?=
ifeq ($(FUZZ),1)
  BUILD  := build-fuzz
  CC     := clang-14
  OPT    := -O1 -g -fno-omit-frame-pointer
  SANFLAGS := -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
else ifeq ($(SANITIZE),1)
  BUILD  ?= build-san
  OPT    := -O1 -g -fno-omit-frame-pointer
  SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=undefined
else
  BUILD  ?= build
endif

# Recursively expanded, so nothing runs the compiler or pkg-config before a
# rule that compiles needs them (`make run` on a bare machine installs them
# first); each is computed once, on first use.
XLSX_SONAME = $(eval XLSX_SONAME := $(shell objdump -p $$($(CC) -print-file-name=libxlsxwriter.so) 2>/dev/null | awk '/SONAME/ { print $$2 }'))$(XLSX_SONAME)
PKG_CFLAGS = $(eval PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null) -DKEPU_XLSX_SONAME='"$(XLSX_SONAME)"')$(PKG_CFLAGS)
PKG_LIBS   = $(eval PKG_LIBS := -Wl,-Bstatic $(filter-out -lm -ldl -pthread,$(shell pkg-config --static --libs $(STATIC_PKGS) 2>/dev/null)) \
              -Wl,-Bdynamic -lm -ldl)$(PKG_LIBS)
CFLAGS_ALL = $(CSTD) $(WARN) $(OPT) $(SANFLAGS) -Isrc -I$(BUILD)/gen $(PKG_CFLAGS) $(CFLAGS)
LDFLAGS_ALL := $(SANFLAGS) -pthread $(LDFLAGS)

# Every layer but main.c goes into one static library that the tests link too.
LIB_SRC  := $(wildcard src/core/*.c src/form/*.c src/store/*.c src/domain/*.c src/ui/*.c src/cli/*.c)
LIB_OBJ  := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/embedded.o \
            $(BUILD)/obj/gen/pinyin_table.o $(BUILD)/obj/gen/ideograph_table.o \
            $(BUILD)/obj/gen/simplified_table.o
UNIHAN   := /usr/share/unicode/Unihan_Readings.txt.bz2
UCD_IDEO := /usr/share/unicode/EquivalentUnifiedIdeograph.txt /usr/share/unicode/UnicodeData.txt
UNIHAN_VAR := /usr/share/unicode/Unihan_Variants.txt.bz2
EMBED    := $(sort $(wildcard screens/*.yaml config/*.yaml data/*.yaml data/lists/*.yaml data/demo/*.csv))
TEST_SRC := $(wildcard tests/unit/test_*.c)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TOOLS    := $(BUILD)/tests/kepu-writer $(BUILD)/tests/kepu-datadir $(BUILD)/tests/kepu-zterm

# Where an installed (setgid) kepu keeps its database, and the site's
# definitions: fixed at build time, see docs/deploy.md.
KEPU_DATADIR    ?= /var/lib/kepu
KEPU_SYSCONFDIR ?= /etc/kepu
# The SFTP side of the exchange folders (sshd's ChrootDirectory is
# KEPU_SFTPDIR/LOGIN) and the port sshd serves it on: docs/deploy.md.
KEPU_SFTPDIR    ?= /srv/kepu
KEPU_SFTP_PORT  ?= 2222
# The setgid scenario's data directory and SFTP tree (tests/e2e/ssh_setgid.sh
# and ssh_sftp.sh say them too): the chroot may not be below the data
# directory, which its group can write.
E2E_DATADIR     := /run/kepu-e2e
E2E_SFTPDIR     := /run/kepu-e2e-sftp

# make install: the program, kepu(1), the guide and the documents, the
# example sshd_config, the nightly backup in /etc/cron.d, and kepu-setup,
# which sets up the group and modes (run by make install itself when it
# installs into / as root; by the package's postinst otherwise).
PREFIX   ?= /usr/local
DESTDIR  ?=
BINDIR   = $(PREFIX)/bin
SBINDIR  = $(PREFIX)/sbin
MANDIR   = $(PREFIX)/share/man
DOCDIR   = $(PREFIX)/share/doc/kepu
DOCS     := docs/使用说明.md docs/deploy.md docs/security.md docs/cli.md docs/forms.md docs/keys.md \
            docs/robustness.md docs/workbooks.md README.md CHANGELOG.md
SUBST    = sed -e 's|@BINDIR@|$(BINDIR)|g' -e 's|@DATADIR@|$(KEPU_DATADIR)|g' \
	       -e 's|@SFTPDIR@|$(KEPU_SFTPDIR)|g' -e 's|@SFTP_PORT@|$(KEPU_SFTP_PORT)|g'

DB       ?= data/demo.db
# The demo is the 2016 programme of the seed document, seen on this day (its
# checklist then has work done, late and still open); DEMO_TODAY= uses the clock.
DEMO_TODAY ?= 2016-08-10
VERSION  := $(shell cat VERSION)

.PHONY: all deps deps-test deps-fuzz deps-print deps-deb deps-install install install-files deb deb-check dist run test unit e2e check check-layers clean demo fuzz fuzzers bench print-check
all: $(BUILD)/kepu docs/keys.md

# The key reference is generated from the one keymap table.
docs/keys.md: $(BUILD)/kepu
	$(BUILD)/kepu keys >$@.tmp && mv $@.tmp $@

# The Debian packages, by what they are for (tools/deps.sh lists them):
# building and running; the tests; the fuzzers; the printing check (LibreOffice).
deps:
	@./tools/deps.sh build
deps-test:
	@./tools/deps.sh build test
deps-fuzz:
	@./tools/deps.sh build fuzz
deps-print:
	@./tools/deps.sh build print
deps-deb:
	@./tools/deps.sh build deb
deps-install:
	@./tools/deps.sh build install

$(BUILD)/gen/embedded.c: tools/embed.sh $(EMBED)
	@mkdir -p $(@D)
	./tools/embed.sh $@ $(EMBED)

# The pinyin table is generated from Unihan (Debian's unicode-data), never typed in.
$(BUILD)/gen/pinyin_table.c: tools/gen_pinyin.sh $(UNIHAN)
	@mkdir -p $(@D)
	./tools/gen_pinyin.sh $@

# Radicals and compatibility ideographs to their ideograph, from Unicode's data likewise.
$(BUILD)/gen/ideograph_table.c: tools/gen_ideographs.sh tools/pair_table.awk $(UCD_IDEO)
	@mkdir -p $(@D)
	./tools/gen_ideographs.sh $@

# Traditional characters to their simplified form (the near rule compares so), from Unihan likewise.
$(BUILD)/gen/simplified_table.c: tools/gen_simplified.sh tools/pair_table.awk $(UNIHAN_VAR)
	@mkdir -p $(@D)
	./tools/gen_simplified.sh $@

$(BUILD)/gen/version.h: VERSION
	@mkdir -p $(@D)
	echo '#define KEPU_VERSION "$(VERSION)"' >$@

$(BUILD)/obj/%.o: src/%.c $(BUILD)/gen/version.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(BUILD)/obj/core/paths.o: CFLAGS_ALL += -DKEPU_DATADIR='"$(KEPU_DATADIR)"' \
	-DKEPU_SYSCONFDIR='"$(KEPU_SYSCONFDIR)"' -DKEPU_SFTPDIR='"$(KEPU_SFTPDIR)"' \
	-DKEPU_SFTP_PORT='"$(KEPU_SFTP_PORT)"'

$(BUILD)/obj/gen/%.o: $(BUILD)/gen/%.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -c $< -o $@

$(BUILD)/libkepu.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/kepu: $(BUILD)/obj/main.o $(BUILD)/libkepu.a
	@test -n "$(XLSX_SONAME)" || { echo "libxlsxwriter-dev is missing: make deps" >&2; exit 1; }
	$(CC) $(LDFLAGS_ALL) -o $@ $^ $(PKG_LIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/unit.h tests/unit/unit_env.h $(BUILD)/libkepu.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) $(shell pkg-config --cflags cmocka) -Itests/unit -o $@ $< \
		$(BUILD)/libkepu.a $(PKG_LIBS) $(shell pkg-config --libs cmocka) $(LDFLAGS_ALL)

$(BUILD)/tests/kepu-writer: tests/tools/writer.c $(BUILD)/libkepu.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(BUILD)/libkepu.a $(PKG_LIBS) $(LDFLAGS_ALL)

# kepu with the e2e data directory: its paths.o is linked first, so the
# library's is never pulled in.
$(BUILD)/obj/core/paths-e2e.o: src/core/paths.c src/core/paths.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -DKEPU_DATADIR='"$(E2E_DATADIR)"' -DKEPU_SYSCONFDIR='"$(E2E_DATADIR)/etc"' \
		-DKEPU_SFTPDIR='"$(E2E_SFTPDIR)"' -DKEPU_SFTP_PORT='"$(KEPU_SFTP_PORT)"' -c $< -o $@

# Sanitized, it runs without LeakSanitizer, which a setgid process cannot
# host (tests/tools/no_leak_check.c).
DATADIR_SAN := $(if $(SANFLAGS),tests/tools/no_leak_check.c)
$(BUILD)/tests/kepu-datadir: $(BUILD)/obj/main.o $(BUILD)/obj/core/paths-e2e.o $(BUILD)/libkepu.a $(DATADIR_SAN)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) $(LDFLAGS_ALL) -o $@ $^ $(PKG_LIBS)

# The PC's side of a ZMODEM upload, for tests/e2e/zmodem_import.sh.
$(BUILD)/tests/kepu-zterm: tests/tools/zterm.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -o $@ $< -lutil

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)

$(DB): $(BUILD)/kepu
	KEPU_TODAY=$(DEMO_TODAY) $(BUILD)/kepu init --db $@ --demo

# The man page, from the program's own command and option tables.
$(BUILD)/kepu.1: $(BUILD)/kepu
	$(BUILD)/kepu man >$@.tmp && mv $@.tmp $@

# The server's own pieces too (sshd, cron, man): kepu-setup names any missing.
install: deps-install
	@$(MAKE) --no-print-directory install-files
	@if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" -eq 0 ]; then $(SBINDIR)/kepu-setup; \
	else echo "make install: files in $(DESTDIR)$(PREFIX); as root on the server, run $(SBINDIR)/kepu-setup"; fi

install-files: $(BUILD)/kepu $(BUILD)/kepu.1
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(SBINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man8 \
		$(DESTDIR)$(DOCDIR)/examples $(DESTDIR)/etc/cron.d
	install -m 755 $(BUILD)/kepu $(DESTDIR)$(BINDIR)/kepu
	$(SUBST) dist/kepu-setup.in >$(DESTDIR)$(SBINDIR)/kepu-setup
	chmod 755 $(DESTDIR)$(SBINDIR)/kepu-setup
	install -m 644 $(BUILD)/kepu.1 $(DESTDIR)$(MANDIR)/man1/kepu.1
	$(SUBST) dist/kepu-setup.8.in >$(DESTDIR)$(MANDIR)/man8/kepu-setup.8
	install -m 644 $(DOCS) LICENSE $(DESTDIR)$(DOCDIR)/
	$(SUBST) dist/sshd_config.in >$(DESTDIR)$(DOCDIR)/examples/sshd_config
	install -m 644 dist/kepu-fonts.conf $(DESTDIR)$(DOCDIR)/examples/kepu-fonts.conf
	$(SUBST) dist/cron.in >$(DESTDIR)/etc/cron.d/kepu
	chmod 644 $(DESTDIR)$(MANDIR)/man8/kepu-setup.8 $(DESTDIR)$(DOCDIR)/examples/sshd_config \
		$(DESTDIR)/etc/cron.d/kepu

# The Debian package, built with Debian's hardening flags in a build
# directory of its own; tools/make_deb.sh stages it, runs dpkg-deb and lintian.
deb: deps-deb
	@$(MAKE) --no-print-directory BUILD=build/pkg \
		CFLAGS="$$(DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --get CPPFLAGS) $$(DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --get CFLAGS)" \
		LDFLAGS="$$(DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --get LDFLAGS)" \
		build/pkg/kepu build/pkg/kepu.1
	@BUILD=build/pkg ./tools/make_deb.sh

# The package's contents, lintian, and what `apt-get install` of it would
# bring onto a bare Debian 12 root (debootstrap minbase in BARE_ROOT, made
# once and kept; tools/bare_check.sh uses the same): tests/deb_check.sh. Run by .ci/run.
BARE_ROOT ?= /var/tmp/kepu-bare/bare-minbase
deb-check: deb
	@BARE_ROOT=$(BARE_ROOT) ./tests/deb_check.sh build/kepu_$(VERSION)_$$(dpkg --print-architecture).deb

# A release tarball for a server without git (tools/make_dist.sh).
dist:
	@./tools/make_dist.sh

# After deps, a new make: the flags pkg-config gives exist only now.
demo: deps
	@$(MAKE) --no-print-directory all
	@test -f $(DB) || KEPU_TODAY=$(DEMO_TODAY) $(BUILD)/kepu init --db $(DB) --demo

run: demo
	KEPU_TODAY=$(DEMO_TODAY) $(BUILD)/kepu --db $(DB)

# The layers, their circles and docs/architecture.md checked against the
# code; then unit tests and the end-to-end scenarios; the runner prints
# "N passed, N failed".
test: deps-test
	@$(MAKE) --no-print-directory all $(TEST_BIN) $(TOOLS)
	@$(MAKE) --no-print-directory check-layers
	@BUILD=$(BUILD) SANITIZE=$(SANITIZE) ./tests/run.sh $(TEST_BIN)

# Includes and calls only go down a layer; no circle of files inside a layer
# wider than tools/layers-ratchet; docs/architecture.md's arrows and
# file:function names are the code's (tools/check_layers.py).
check-layers: $(LIB_OBJ) $(BUILD)/obj/main.o
	@/usr/bin/python3 tools/check_layers.py $(BUILD)/obj

unit: all $(TEST_BIN)
	@BUILD=$(BUILD) ./tests/run.sh --unit-only $(TEST_BIN)

e2e: all $(TOOLS)
	@BUILD=$(BUILD) SANITIZE=$(SANITIZE) ./tests/run.sh --e2e-only

check: all
	$(BUILD)/kepu check

# libFuzzer (clang-14): the form loader, the validators, the CSV importer,
# the workbook reader, each for FUZZ_SECONDS of a core, FUZZ_JOBS at a time
# (the number of cores), seeded from the project's own files
# (tests/fuzz/run.sh). A crash's input goes to build-fuzz/FUZZER-crash-*,
# never into the source tree.
FUZZERS      := fuzz_form fuzz_validate fuzz_csv fuzz_xlsx fuzz_pastemark fuzz_picture
FUZZ_SECONDS ?= 60
FUZZ_JOBS    ?= $(shell nproc 2>/dev/null || echo 1)

fuzzers: $(FUZZERS:%=$(BUILD)/fuzz/%)

$(BUILD)/fuzz/%: tests/fuzz/%.c $(BUILD)/libkepu.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -fsanitize=fuzzer,address,undefined -o $@ $< $(BUILD)/libkepu.a $(PKG_LIBS)

fuzz: deps-fuzz
	@$(MAKE) --no-print-directory FUZZ=1 fuzzers
	@./tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_JOBS) $(FUZZERS)

# Every official workbook printed by LibreOffice and read back (pdftotext),
# and its structure read with openpyxl: docs/printing.md.
print-check: deps-print
	@$(MAKE) --no-print-directory all
	@/usr/bin/python3 tests/print/xlsx_structure.py $(BUILD)/kepu $(BUILD)/print-check/structure
	@/usr/bin/python3 tests/print/print_check.py $(BUILD)/kepu $(BUILD)/print-check/pdf

# Benchmarks (not part of `make test`): see docs/performance.md.
BENCH_DIR ?= build/bench-data
$(BUILD)/bench/%: tests/bench/%.c $(BUILD)/libkepu.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(BUILD)/libkepu.a $(PKG_LIBS) $(LDFLAGS_ALL)

bench: deps-test
	@$(MAKE) --no-print-directory all $(BUILD)/bench/bench_list $(BUILD)/bench/ptybench \
		$(BUILD)/bench/bench_login $(BUILD)/bench/bench_find
	@BUILD=$(BUILD) BENCH_DIR=$(BENCH_DIR) ./tests/bench/run.sh

clean:
	rm -rf build build-san build-fuzz
