#!/bin/sh
# SPDX-License-Identifier: MulanPSL-2.0
# make deb: build/kepu_VERSION_ARCH.deb with dpkg-deb from the hardened build
# in $BUILD (the Makefile's deb target makes it), staged by `make install` into
# build/deb, everything inside the checkout. Then lintian, which must find no
# error. Usage: BUILD=DIR make_deb.sh
set -eu
cd "$(dirname "$0")/.."
b=${BUILD:?}
version=$(cat VERSION)
arch=$(dpkg --print-architecture)
stage=build/deb
root=$stage/root
out=build/kepu_${version}_$arch.deb
# The changelog's date and every file's time, so the same source gives the
# same package: a make dist tarball's debian/changelog carries it; in the
# git checkout, the last commit's; SOURCE_DATE_EPOCH set by the caller wins.
# A copy with neither has no date of its own (a copy's file times differ).
maintainer=$(sed -n 's/^Maintainer: //p' debian/control)
if [ -z "${SOURCE_DATE_EPOCH:-}" ] && [ -f debian/changelog ]; then
	SOURCE_DATE_EPOCH=$(dpkg-parsechangelog -l debian/changelog -STimestamp)
elif [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
	SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null) || {
		echo "make deb: no date for the package: build from a git clone or a make dist tarball" >&2
		echo "          (or set SOURCE_DATE_EPOCH)" >&2
		exit 2
	}
fi
export SOURCE_DATE_EPOCH

rm -rf "$stage" "$out"
mkdir -p "$stage"
make --no-print-directory -s install-files BUILD="$b" PREFIX=/usr DESTDIR="$PWD/$root"
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$root/usr/bin/kepu"
gzip -9n "$root/usr/share/man/man1/kepu.1" "$root/usr/share/man/man8/kepu-setup.8"
install -D -m 644 dist/lintian-overrides "$root/usr/share/lintian/overrides/kepu"
doc=$root/usr/share/doc/kepu
install -m 644 debian/copyright "$doc/copyright"
rm "$doc/LICENSE" # in copyright, which Debian's policy wants instead
if [ -f debian/changelog ]; then
	cp debian/changelog "$stage/changelog"
else
	./tools/deb_changelog.sh "$version" "$maintainer" "$(date -R -u -d "@$SOURCE_DATE_EPOCH")" >"$stage/changelog"
fi
gzip -9n <"$stage/changelog" >"$doc/changelog.gz"

mkdir -p "$root/DEBIAN"
install -m 755 debian/postinst debian/postrm "$root/DEBIAN/"
echo /etc/cron.d/kepu >"$root/DEBIAN/conffiles"
dpkg-shlibdeps -T"$stage/substvars" "$root/usr/bin/kepu"
dpkg-gencontrol -pkepu -v"$version" -l"$stage/changelog" -cdebian/control -T"$stage/substvars" \
	-f"$stage/files" -P"$root"
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z |
	xargs -0 md5sum) >"$root/DEBIAN/md5sums"
chmod 644 "$root/DEBIAN/md5sums" "$root/DEBIAN/control" "$root/DEBIAN/conffiles"
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
dpkg-deb --root-owner-group -Zxz --build "$root" "$out"
echo "make deb: $out"
# Errors fail the build; warnings and notes are shown.
lintian --fail-on error --tag-display-limit 0 "$out"
