#!/bin/sh
# Install the Debian packages kepu needs, only those missing, and generate the
# Chinese locales. Runs as root here; uses sudo when it is not root.
# Build: gcc make pkg-config and the -dev libraries (libsodium for Argon2id); unicode-data and bzip2
# for the pinyin table. Tests: cmocka, sqlite3, tmux, locales, openssh
# (the sshd scenario), luit (a GB18030 terminal), unzip/zip (.xlsx), procps,
# time (GNU time: peak memory in make bench).
# lrzsz: kepu sends exports with sz (ZMODEM). Fuzzing: clang-14 with its libFuzzer runtime (libclang-rt-14-dev is only a
# Recommends of clang-14, so it is named).
set -eu
PKGS="gcc make pkg-config libncurses-dev ncurses-term libsqlite3-dev sqlite3 libyaml-dev
libpcre2-dev libcmocka-dev tmux locales openssh-server openssh-client luit
unicode-data bzip2 libxlsxwriter-dev unzip libminizip-dev libexpat1-dev zip procps time
clang-14 libclang-rt-14-dev libsodium-dev lrzsz"
# `deps.sh print` (make print-check) adds these: LibreOffice and CJK fonts to
# print workbooks to PDF, poppler to read the PDF back, openpyxl to read the
# .xlsx with a reader kepu does not use.
PRINT_PKGS="libreoffice-calc-nogui fonts-noto-cjk poppler-utils python3-openpyxl"
[ "${1:-}" != print ] || PKGS="$PKGS $PRINT_PKGS"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "kepu: installing Debian packages:$missing"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
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
	$SUDO locale-gen >/dev/null
fi
