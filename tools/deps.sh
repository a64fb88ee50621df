#!/bin/sh
# SPDX-License-Identifier: MulanPSL-2.0
# Install the Debian packages of the named groups that are missing, and
# generate the Chinese locales. Runs as root here; uses sudo when it is not
# root. Usage: deps.sh GROUP...   (make run: build; make test: build test;
# make fuzz: build fuzz; make print-check: build print; make deb: build deb;
# make install: build install)
#
# build  what compiling and running kepu need on a bare Debian 12: gcc, make,
#        pkg-config and the -dev libraries (their static archives are linked
#        in; zlib1g-dev for core/picture.c's PNG decoding and because
#        minizip's archive needs libz.a, which libminizip-dev does not pull
#        in); unicode-data and bzip2 for the
#        pinyin, ideograph and traditional-to-simplified tables; ncurses-term (PuTTY's terminfo), locales (zh_CN), lrzsz
#        (ZMODEM transfers from the terminal interface).
# test   cmocka, sqlite3, tmux, openssh (the sshd scenarios), putty-tools
#        (PuTTY's psftp and pscp, SFTP clients kepu did not write, for
#        ssh_sftp), luit (a GB18030
#        terminal), unzip/zip (.xlsx), procps, time (GNU time: peak memory in
#        make bench and the import bounds), python3-openpyxl (office workbooks
#        for the import tests, written by a tool kepu does not use),
#        libreoffice-calc-nogui (workbooks re-saved by LibreOffice, as offices
#        send them, for the import tests), gnumeric (ssconvert: the same, as
#        Gnumeric re-saves them), man-db (the installed man page is
#        rendered), python3 and binutils (nm) for make check-layers.
# fuzz   clang-14 with its libFuzzer runtime (libclang-rt-14-dev is only a
#        Recommends of clang-14, so it is named).
# print  LibreOffice and CJK fonts to render workbooks as printed, poppler to
#        read the PDF back, python3-openpyxl to read the .xlsx with a reader
#        kepu does not use (make print-check).
# deb    dpkg-dev (dpkg-shlibdeps) and lintian (make deb); debootstrap (make
#        deb-check: a bare root to simulate the package's installation on).
# install  what the server runs beside kepu (make install): openssh-server
#        (the clerks' logins and SFTP), cron (the nightly backup), man-db
#        (man kepu). Without Recommends: cron's would bring a mail server.
set -eu
BUILD_PKGS="gcc make pkg-config libncurses-dev libsqlite3-dev libyaml-dev libpcre2-dev
libxlsxwriter-dev libminizip-dev zlib1g-dev libexpat1-dev libsodium-dev unicode-data bzip2
ncurses-term locales lrzsz"
TEST_PKGS="libcmocka-dev sqlite3 tmux openssh-server openssh-client putty-tools luit unzip zip procps time python3-openpyxl
libreoffice-calc-nogui gnumeric man-db python3 binutils"
FUZZ_PKGS="clang-14 libclang-rt-14-dev"
PRINT_PKGS="libreoffice-calc-nogui fonts-noto-cjk poppler-utils python3-openpyxl"
DEB_PKGS="dpkg-dev lintian debootstrap"
INSTALL_PKGS="openssh-server cron man-db"

[ $# -gt 0 ] || set -- build
want=""
for g in "$@"; do
	case "$g" in
	build) want="$want $BUILD_PKGS" ;;
	test) want="$want $TEST_PKGS" ;;
	fuzz) want="$want $FUZZ_PKGS" ;;
	print) want="$want $PRINT_PKGS" ;;
	deb) want="$want $DEB_PKGS" ;;
	install) want="$want $INSTALL_PKGS" ;;
	*) echo "deps.sh: unknown group $g (build, test, fuzz, print, deb, install)" >&2; exit 2 ;;
	esac
done

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

missing=""
for p in $want; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	# apt's own lines show the progress: a bare machine downloads for minutes.
	echo "kepu: installing Debian packages ($*):$missing"
	$SUDO apt-get update
	# --no-install-recommends: only what the list names and what it depends
	# on (Recommends would bring e.g. a mail server with cron's tools).
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
fi

# zh_CN.UTF-8 for the users, zh_CN.GB18030 for GBK terminals.
need_gen=0
for l in zh_CN.utf8 zh_CN.gb18030; do
	locale -a 2>/dev/null | grep -qx "$l" || need_gen=1
done
if [ "$need_gen" -eq 1 ]; then
	echo "kepu: generating zh_CN locales"
	$SUDO sed -i -e 's/^# *\(zh_CN.UTF-8 UTF-8\)/\1/' \
		-e 's/^# *\(zh_CN.GB18030 GB18030\)/\1/' /etc/locale.gen
	$SUDO locale-gen
fi
