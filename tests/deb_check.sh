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
-rw-r--r-- root/root ./usr/share/doc/kepu/examples/kepu-fonts.conf
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
# LANG unset, as on a bare root: the C locale formats for ASCII.
env -i PATH="$PATH" MANWIDTH=80 man --warnings -l "$work/root/usr/share/man/man1/kepu.1.gz" 2>"$work/man.err" |
	col -b >"$work/man.txt"
[ ! -s "$work/man.err" ] || fail "man: $(cat "$work/man.err")"
grep -q "^       export" "$work/man.txt" || fail "the packaged man page lacks export"
grep -q "ForceCommand /usr/bin/kepu" "$work/root/usr/share/doc/kepu/examples/sshd_config" || fail "sshd_config"

lintian --fail-on error --tag-display-limit 0 "$deb" >"$work/lintian" 2>&1 || { cat "$work/lintian"; fail "lintian"; }
! grep -q "^E:" "$work/lintian" || fail "lintian errors: $(cat "$work/lintian")"

# What `apt-get install` of the package brings onto a bare Debian 12 root
# (debootstrap minbase in BARE_ROOT, made once if missing; a copy is used):
# with apt's defaults, Recommends included, no mail server and no systemd;
# with the README's line (sshd and cron named, --no-install-recommends),
# sshd and cron and still neither.
sim=""
if [ -n "${BARE_ROOT:-}" ]; then
	if [ ! -x "$BARE_ROOT/bin/sh" ]; then
		mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources \
			2>/dev/null | grep -o 'https\?://[^ ]*/debian/\?\( \|$\)' | head -1 | tr -d ' ')
		mkdir -p "$(dirname "$BARE_ROOT")"
		debootstrap --variant=minbase bookworm "$BARE_ROOT" "${mirror:-http://deb.debian.org/debian}" \
			>"$work/debootstrap.log" 2>&1 || { tail -5 "$work/debootstrap.log"; fail "debootstrap"; }
	fi
	r=$work/bare
	cp -a "$BARE_ROOT" "$r"
	cp /etc/resolv.conf "$r/etc/resolv.conf" 2>/dev/null || true
	cp "$deb" "$r/tmp/kepu.deb"
	chroot "$r" apt-get update -qq >/dev/null 2>&1 || true # the lists debootstrap left serve offline
	simulate() { # simulate APT-ARGUMENTS…: the packages apt would install, one a line
		chroot "$r" apt-get install --simulate "$@" 2>"$work/apt.err" | awk '/^Inst / { print $2 }' >"$work/inst" ||
			fail "apt-get install --simulate $*: $(cat "$work/apt.err")"
	}
	unwanted='^(exim4.*|postfix|sendmail.*|dma|nullmailer|systemd-sysv|systemd|dbus|dbus-daemon)$'
	simulate /tmp/kepu.deb
	grep -qx kepu "$work/inst" && grep -qx man-db "$work/inst" && grep -qx lrzsz "$work/inst" ||
		fail "apt-get install ./kepu.deb would not install kepu and its Recommends: $(tr '\n' ' ' <"$work/inst")"
	! grep -E "$unwanted" "$work/inst" >"$work/bad" || fail "apt-get install ./kepu.deb brings: $(tr '\n' ' ' <"$work/bad")"
	n1=$(wc -l <"$work/inst")
	simulate --no-install-recommends /tmp/kepu.deb openssh-server cron man-db lrzsz libxlsxwriter4 locales ncurses-term
	grep -qx openssh-server "$work/inst" && grep -qx cron "$work/inst" || fail "the README's line lacks sshd or cron"
	! grep -E "$unwanted" "$work/inst" >"$work/bad" || fail "the README's line brings: $(tr '\n' ' ' <"$work/bad")"
	n2=$(wc -l <"$work/inst")
	# Positive control: cron with apt's defaults does bring a mail server.
	simulate cron
	grep -E '^exim4' "$work/inst" >/dev/null || fail "the check would not see a mail server: $(tr '\n' ' ' <"$work/inst")"
	sim="; on a bare root: apt-get install ./kepu.deb $n1 packages, the README's line $n2, no mail server, no systemd"
fi
echo "deb-check: $deb ok ($(wc -l <"$work/contents") entries; lintian: $(grep -c '^[WI]:' "$work/lintian" || true) warnings/notes$sim)"
