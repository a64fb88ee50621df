#!/bin/sh
# SPDX-License-Identifier: MulanPSL-2.0
# Generate the table of traditional characters and their simplified form,
# from Unicode's Unihan data (Debian's unicode-data package): each
# character's kSimplifiedVariant in Unihan_Variants.txt (講 U+8B1B is 讲,
# 發 and 髮 are both 发). A character whose simplified variants include
# itself (乾 is 乾 or 干, 著 is 著 or 着) is a simplified character too and
# is left out; of several, the first is taken (開 is 开); a chain (薴 → 苧 →
# 苎) is followed to its end. Only ever traditional → simplified: the near
# rule compares by it, nothing is stored so. Sorted by code point.
# Usage: gen_simplified.sh OUT.c
set -eu
src=/usr/share/unicode/Unihan_Variants.txt.bz2
[ -r "$src" ] || { echo "gen_simplified.sh: $src missing (apt-get install unicode-data)" >&2; exit 1; }
out=$1
bzcat "$src" | awk -F '\t' '
function hex(s,    i, v) {
	s = substr(s, 3)
	v = 0
	for (i = 1; i <= length(s); i++) v = v * 16 + index("0123456789ABCDEF", substr(s, i, 1)) - 1
	return v
}
$2 == "kSimplifiedVariant" && $1 ~ /^U\+[0-9A-F]+$/ {
	n = split($3, v, " ")
	self = 0
	for (i = 1; i <= n; i++) self = self || v[i] == $1
	if (!self) simple[hex($1)] = hex(v[1])
}
END {
	for (cp in simple) {
		t = simple[cp]
		for (hops = 0; (t in simple) && hops < 8; hops++) t = simple[t]
		print cp + 0, t
	}
}' | sort -n | awk -v tool=tools/gen_simplified.sh -v source="Unihan (kSimplifiedVariant)" \
	-v header=simplified_table.h -v name=simplified_of -v count=simplified_n -v min=2000 \
	-v what="traditional characters" -f "$(dirname "$0")/pair_table.awk" >"$out.tmp"
mv "$out.tmp" "$out"
