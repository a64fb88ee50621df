#!/bin/sh
# SPDX-License-Identifier: MulanPSL-2.0
# The Debian changelog of the package, made from CHANGELOG.md (the one
# changelog kept by hand): the section of VERSION, or [Unreleased] while
# VERSION has none, each entry a `*` item wrapped to 78 columns, grouped
# under its Keep a Changelog heading.
# Usage: deb_changelog.sh VERSION "MAINTAINER <ADDRESS>" DATE(RFC 2822)
set -eu
cd "$(dirname "$0")/.."
version=$1 maintainer=$2 date=$3
section="\\[$version\\]"
grep -q "^## $section" CHANGELOG.md || section='\[Unreleased\]'
echo "kepu ($version) bookworm; urgency=medium"
echo
awk -v want="^## $section" '
function flush() {
	if (item == "") return
	n = split(item, w, " "); line = "  *"
	for (i = 1; i <= n; i++) {
		if (length(line) + 1 + length(w[i]) > 78 && line != "  *" && line != "   ") { print line; line = "   " }
		line = line " " w[i]
	}
	print line; item = ""
}
/^## / { if (on) { flush(); exit } on = ($0 ~ want); next }
!on { next }
/^### / { flush(); if (seen++) print ""; print "  [ " substr($0, 5) " ]"; next }
/^- / { flush(); item = substr($0, 3); next }
/^  +[^ ]/ && item != "" { sub(/^ +/, ""); item = item " " $0; next }
/^$/ { flush(); next }
END { flush() }
' CHANGELOG.md
echo
echo " -- $maintainer  $date"
