#!/bin/sh
# SPDX-License-Identifier: MulanPSL-2.0
# make dist: build/kepu-VERSION.tar.gz, the committed tree (git archive HEAD)
# for a server without git, carrying its date: debian/changelog, made from
# CHANGELOG.md and dated by the last commit, from which make deb takes
# SOURCE_DATE_EPOCH (so two copies of the tarball give the same package).
# The tarball itself is reproducible too: names sorted, one owner, every
# time that date. Usage: tools/make_dist.sh
set -eu
cd "$(dirname "$0")/.."
git rev-parse --git-dir >/dev/null 2>&1 || { echo "make dist: run it in the git checkout" >&2; exit 2; }
[ -z "$(git status --porcelain --untracked-files=no)" ] ||
	echo "make dist: uncommitted changes are not in the tarball (it is HEAD's tree)" >&2
version=$(cat VERSION)
epoch=$(git log -1 --format=%ct)
name=kepu-$version
stage=build/dist
out=build/$name.tar.gz
rm -rf "$stage" "$out"
mkdir -p "$stage/$name"
git archive --format=tar HEAD | tar -xf - -C "$stage/$name"
maintainer=$(sed -n 's/^Maintainer: //p' debian/control)
"$stage/$name/tools/deb_changelog.sh" "$version" "$maintainer" "$(date -R -u -d "@$epoch")" \
	>"$stage/$name/debian/changelog"
tar --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner -C "$stage" -cf - "$name" | gzip -9n >"$out"
rm -rf "$stage"
echo "make dist: $out ($(date -u -d "@$epoch" +%F), $(wc -c <"$out") bytes)"
