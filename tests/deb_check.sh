#!/usr/bin/env bash
# SPDX-License-Identifier: MulanPSL-2.0
# make deb-check: what the package holds (dpkg-deb -c, -I), that its scripts
# parse and never remove data, that its program and man page are this
# version's, and lintian without errors. Installing it for real is
# tools/bare_check.sh's job (it would change this machine's groups).
# Usage: tests/deb_check.sh build/kepu_VERSION_ARCH.deb
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$1
version=$(cat VERSION)
work=$(mktemp -d /tmp/kepu-deb.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "deb-check FAILED: $*" >&2; exit 1; }

dpkg-deb -c "$deb" | awk '{ print $1, $2, $6 }' >"$work/contents"
while read -r mode owner path; do
	grep -qxF -- "$mode $owner $path" "$work/contents" || fail "no $mode $owner $path in: $(cat "$work/contents")"
done <<'LIST'
-rwxr-xr-x root/root ./usr/bin/kepu
-rwxr-xr-x root/root ./usr/sbin/kepu-setup
-rw-r--r-- root/root ./usr/share/man/man1/kepu.1.gz
-rw-r--r-- root/root ./usr/share/man/man8/kepu-setup.8.gz
-rw-r--r-- root/root ./usr/share/doc/kepu/copyright
-rw-r--r-- root/root ./usr/share/doc/kepu/changelog.gz
-rw-r--r-- root/root ./usr/share/doc/kepu/使用说明.md
-rw-r--r-- root/root ./usr/share/doc/kepu/deploy.md
-rw-r--r-- root/root ./usr/share/doc/kepu/examples/sshd_config
-rw-r--r-- root/root ./etc/cron.d/kepu
LIST
# Only the program's own places: no data directory or database is shipped
# (postinst makes the directory, kepu init the file).
bad=$(awk '{ print $3 }' "$work/contents" | grep -v -e '^\./$' -e '^\./usr/' -e '^\./etc/$' -e '^\./etc/cron\.d/' || true)
[ -z "$bad" ] || fail "unexpected paths: $bad"

dpkg-deb -I "$deb" >"$work/info"
for f in "Package: kepu" "Version: $version" "Architecture: amd64"; do
	grep -q "^ $f\$" "$work/info" || fail "control lacks $f"
done
grep -q "^ Depends: libc6 (>= [0-9.]*), passwd" "$work/info" || fail "Depends: $(grep Depends "$work/info")"
dpkg-deb -e "$deb" "$work/DEBIAN"
[ "$(cat "$work/DEBIAN/conffiles")" = /etc/cron.d/kepu ] || fail "conffiles: $(cat "$work/DEBIAN/conffiles")"
for s in postinst postrm; do
	[ -x "$work/DEBIAN/$s" ] || fail "no $s"
	sh -n "$work/DEBIAN/$s" || fail "$s does not parse"
done
grep -q "kepu-setup --dpkg" "$work/DEBIAN/postinst" || fail "postinst does not run kepu-setup"
! grep -n "rm .*-r\|/var/lib/kepu/\|userdel\|groupdel" "$work/DEBIAN/postrm" || fail "postrm may remove data"

dpkg-deb -x "$deb" "$work/root"
[ "$("$work/root/usr/bin/kepu" --version)" = "kepu $version" ] || fail "the packaged kepu is not $version"
zcat "$work/root/usr/share/doc/kepu/changelog.gz" | sed -n 1p | grep -q "^kepu ($version) " || fail "changelog"
MANWIDTH=80 man --warnings -l "$work/root/usr/share/man/man1/kepu.1.gz" 2>"$work/man.err" | col -b >"$work/man.txt"
[ ! -s "$work/man.err" ] || fail "man: $(cat "$work/man.err")"
grep -q "^       export" "$work/man.txt" || fail "the packaged man page lacks export"
grep -q "ForceCommand /usr/bin/kepu" "$work/root/usr/share/doc/kepu/examples/sshd_config" || fail "sshd_config"

lintian --fail-on error --tag-display-limit 0 "$deb" >"$work/lintian" 2>&1 || { cat "$work/lintian"; fail "lintian"; }
! grep -q "^E:" "$work/lintian" || fail "lintian errors: $(cat "$work/lintian")"
echo "deb-check: $deb ok ($(wc -l <"$work/contents") entries; lintian: $(grep -c '^[WI]:' "$work/lintian" || true) warnings/notes)"
