#!/bin/sh
# SPDX-License-Identifier: MulanPSL-2.0
# Generate the table of code points that stand for a unified ideograph, from
# Unicode's data (Debian's unicode-data package): the Kangxi radicals, the
# CJK radicals supplement and the CJK strokes by EquivalentUnifiedIdeograph.txt
# (⼩ U+2F29 is 小, ⻨ U+2EE8 is 麦), and the CJK compatibility ideographs
# (U+F900-U+FAFF, U+2F800-U+2FA1F) by their one-character decomposition in
# UnicodeData.txt (NFKC's mapping). Sorted by code point.
# Usage: gen_ideographs.sh OUT.c
set -eu
dir=/usr/share/unicode
for f in EquivalentUnifiedIdeograph.txt UnicodeData.txt; do
	[ -r "$dir/$f" ] || { echo "gen_ideographs.sh: $dir/$f missing (apt-get install unicode-data)" >&2; exit 1; }
done
out=$1
{
	# "2E8C..2E8D ; 5C0F  # …" or "2F29 ; 5C0F # …"
	sed -e 's/#.*//' "$dir/EquivalentUnifiedIdeograph.txt" | awk -F ';' 'NF == 2 {
		gsub(/ /, "", $1); gsub(/ /, "", $2)
		n = split($1, r, /\.\./)
		printf "%s %s %s\n", r[1], (n == 2 ? r[2] : r[1]), $2
	}'
	# "F900;CJK COMPATIBILITY IDEOGRAPH-F900;Lo;0;L;8C48;…"
	awk -F ';' '$2 ~ /^CJK COMPATIBILITY IDEOGRAPH-/ && $6 ~ /^[0-9A-F]+$/ { print $1, $1, $6 }' "$dir/UnicodeData.txt"
} | while read -r first last to; do
	i=$(printf '%d' "0x$first")
	end=$(printf '%d' "0x$last")
	while [ "$i" -le "$end" ]; do
		printf '%d %d\n' "$i" "$(printf '%d' "0x$to")"
		i=$((i + 1))
	done
done | sort -n | awk -v tool=tools/gen_ideographs.sh \
	-v source="Unicode (EquivalentUnifiedIdeograph.txt, UnicodeData.txt)" -v header=ideograph_table.h \
	-v name=ideograph_equiv -v count=ideograph_nequiv -v min=500 -v what="ideograph equivalents" \
	-f "$(dirname "$0")/pair_table.awk" >"$out.tmp"
mv "$out.tmp" "$out"
