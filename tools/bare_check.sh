#!/bin/sh
# SPDX-License-Identifier: MulanPSL-2.0
# Follow the README on a bare Debian 12: bootstrap a root with debootstrap,
# empty its package lists (a fresh cloud image's state), copy this checkout
# in as the release tarball (make dist) or the files git knows, and inside
# it run the README's set-up exactly as a newcomer would (`apt-get update`,
# `apt-get install -y make`, then `make run`'s set-up and
# `make test`), then `make install` (into / as root: kepu-setup, kepu init)
# and `make deb`; install that package on a second, untouched
# bare root and check what it gives (binary, man page, docs, group, data
# directory, `kepu init`; the data kept after remove and purge). Prints the
# packages and disk each step added. Needs root and the Debian archive; not
# part of `make test`. Run once per release; note the result in the release.
#
# Usage: tools/bare_check.sh [WORKDIR]     (default /var/tmp/kepu-bare)
# VARIANT=minbase|default (debootstrap's --variant; default minbase),
# MIRROR=URL (default: the Debian mirror apt uses here), STEPS="run test install deb"
# (which of the three to do; fewer for a quick look), FRESH=1 bootstraps again
# instead of reusing WORKDIR's bare root.
set -eu
cd "$(dirname "$0")/.."
src=$PWD
work=${1:-/var/tmp/kepu-bare}
variant=${VARIANT:-minbase}
steps=${STEPS:-run test install deb}
[ "$(id -u)" -eq 0 ] || { echo "bare_check.sh: run as root (debootstrap, chroot)" >&2; exit 2; }

if [ -z "${MIRROR:-}" ]; then
	MIRROR=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources \
		2>/dev/null | grep -o 'https\?://[^ ]*/debian/\?\( \|$\)' | head -1 | tr -d ' ')
	MIRROR=${MIRROR:-http://deb.debian.org/debian}
fi
command -v debootstrap >/dev/null || apt-get install -y debootstrap

mounted=""
cleanup() {
	for m in $mounted; do umount -l "$m" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

# A bare root, bootstrapped once per WORKDIR and variant, copied for each use.
bare=$work/bare-$variant
if [ -n "${FRESH:-}" ] || [ ! -x "$bare/bin/sh" ]; then
	rm -rf "$bare"
	mkdir -p "$work"
	var=""
	[ "$variant" = default ] || var="--variant=$variant"
	echo "== debootstrap $var bookworm $MIRROR"
	debootstrap $var bookworm "$bare" "$MIRROR" >"$work/debootstrap.log" 2>&1 ||
		{ tail -20 "$work/debootstrap.log"; exit 1; }
fi

# fresh NAME: a copy of the bare root, mounted for chroot, daemons kept from
# starting (policy-rc.d), resolv.conf for apt.
fresh() {
	r=$work/$1
	rm -rf "$r"
	cp -a "$bare" "$r"
	rm -rf "$r"/var/lib/apt/lists/* # what a fresh image has: apt-get update comes first
	printf '#!/bin/sh\nexit 101\n' >"$r/usr/sbin/policy-rc.d"
	chmod 755 "$r/usr/sbin/policy-rc.d"
	cp /etc/resolv.conf "$r/etc/resolv.conf" 2>/dev/null || true
	for m in proc sys dev dev/pts; do
		case $m in
		proc) mount -t proc proc "$r/proc" ;;
		sys) mount -t sysfs sys "$r/sys" ;;
		dev) mount --bind /dev "$r/dev" ;;
		dev/pts) mount -t devpts -o newinstance,ptmxmode=0666 devpts "$r/dev/pts" ;;
		esac
		mounted="$r/$m $mounted"
	done
}
inside() { chroot "$1" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root TERM=xterm LANG=C.UTF-8 sh -c "$2"; }
# count ROOT LABEL: installed packages and their Installed-Size.
count() {
	inside "$1" "dpkg-query -W -f='\${db:Status-Abbrev} \${Installed-Size}\n'" |
		awk -v l="$2" '/^ii/ { n++; kb += $2 } END { printf "   %-34s %4d packages, %5d MB installed\n", l, n, kb / 1024 }'
}

fresh build
r=$work/build
echo "== the checkout into $r/root/kepu"
mkdir -p "$r/root/kepu"
if command -v git >/dev/null && git rev-parse --git-dir >/dev/null 2>&1; then
	# As the README's tarball: make deb inside then has no git, only its date.
	./tools/make_dist.sh >/dev/null
	tar -xzf "build/kepu-$(cat VERSION).tar.gz" -C "$r/root/kepu" --strip-components=1
else
	tar -cf - --exclude=./build --exclude=./build-san --exclude=./build-fuzz . | tar -xf - -C "$r/root/kepu"
fi
log=$work/build.log
: >"$log"
count "$r" "bare ($variant)"
step() { # step LABEL COMMAND: run in the checkout inside the root, log it
	echo "== $1: $2"
	t0=$(date +%s)
	if inside "$r" "cd /root/kepu && $2" >>"$log" 2>&1; then
		count "$r" "after $1 ($(($(date +%s) - t0)) s)"
	else
		echo "   FAILED, the end of $log:"
		tail -30 "$log" | sed 's/^/   /'
		exit 1
	fi
}
step make "apt-get update && apt-get install -y make"
for s in $steps; do
	case $s in
	# make run's set-up; then the built program checks the demo database
	# (the terminal interface itself needs a terminal).
	run) step run "make demo && build/kepu check --db data/demo.db" ;;
	test) step test "make test 2>&1 | tee /root/test.log | tail -3; tail -1 /root/test.log | grep -q ' 0 failed'" ;;
	# make install into / as root: kepu-setup's groups and modes, then init.
	install) step install 'make install && [ "$(stat -c %U:%G:%a /usr/local/bin/kepu)" = root:kepu:2755 ] &&
		[ "$(stat -c %U:%G:%a /var/lib/kepu)" = root:kepu:2770 ] && getent group kepuclerk >/dev/null &&
		[ -f /etc/cron.d/kepu ] && [ -x /usr/sbin/sshd ] && [ -x /usr/sbin/cron ] &&
		! dpkg -s exim4-base >/dev/null 2>&1 && [ -d /srv/kepu ] && /usr/local/bin/kepu init >/dev/null &&
		[ "$(stat -c %U:%G:%a /var/lib/kepu/kepu.db)" = root:kepu:660 ] && /usr/local/sbin/kepu-setup' ;;
	deb) step deb "make deb" ;;
	esac
done
case " $steps " in *" deb "*) ;; *) echo "bare_check.sh: ok (no package step)"; exit 0 ;; esac

deb=$(ls "$r"/root/kepu/build/kepu_*_amd64.deb)
fresh pkg
p=$work/pkg
cp "$deb" "$p/root/"
echo "== $(basename "$deb") on a second bare root"
count "$p" "bare ($variant)"
# As the README says: the package lists first, the recommended packages named.
inside "$p" "apt-get update && apt-get install -y --no-install-recommends /root/$(basename "$deb") \
	openssh-server cron man-db lrzsz libxlsxwriter4 locales ncurses-term" >>"$log" 2>&1 ||
	{ tail -30 "$log"; exit 1; }
count "$p" "after apt-get install kepu"
inside "$p" '
set -e
kepu --version
test -f /usr/share/man/man1/kepu.1.gz
[ -z "$(env -i PATH=/usr/bin:/bin MANWIDTH=80 man --warnings kepu 2>&1 >/dev/null)" ]
! dpkg -s exim4-base >/dev/null 2>&1
test -f /usr/share/doc/kepu/使用说明.md
test -f /usr/share/doc/kepu/copyright
getent group kepu >/dev/null
[ "$(stat -c %U:%G:%a /usr/bin/kepu)" = root:kepu:2755 ]
[ "$(stat -c %U:%G:%a /var/lib/kepu)" = root:kepu:2770 ]
kepu init >/dev/null
[ "$(stat -c %U:%G:%a /var/lib/kepu/kepu.db)" = root:kepu:660 ]
kepu check --db /var/lib/kepu/kepu.db
apt-get remove -y kepu >/dev/null
test -f /var/lib/kepu/kepu.db
apt-get purge -y kepu >/dev/null
test -f /var/lib/kepu/kepu.db
echo "   installed: binary root:kepu 2755, man page, docs, group, /var/lib/kepu 2770; init ok;"
echo "   removed and purged: /var/lib/kepu/kepu.db kept"
' || { echo "bare_check.sh: the package check FAILED"; exit 1; }
echo "bare_check.sh: ok"
