#!/bin/sh
# SPDX-License-Identifier: MulanPSL-2.0
# Generate the table of traditional and variant characters and their
# simplified form, from Unicode's Unihan data (Debian's unicode-data package):
# - each character's kSimplifiedVariant in Unihan_Variants.txt (講 U+8B1B is
#   讲, 發 and 髮 are both 发). A character whose simplified variants include
#   itself (乾 is 乾 or 干, 著 is 著 or 着) is a simplified character too and
#   is left out; of several, the first is taken (開 is 开); a chain (薴 → 苧 →
#   苎) is followed to its end.
# - a variant character outside the 通用规范汉字表 (kTGH in
#   Unihan_OtherMappings.txt: the characters in standard mainland use) whose
#   kSemanticVariant, kSpecializedSemanticVariant or kZVariant characters
#   lead (through the simplified table) to exactly one character of that
#   table: 悳 U+60B3 is 德, 觧 U+89E7 is 解. A character of the table is never
#   folded so (昇 and 升 are two names).
# - Japanese shinjitai Unihan (15.0) gives no variant for, each with its old
#   form as printed in brackets in Japan's 常用漢字表 (2010; the characters
#   carry kJoyoKanji in Unihan), then as above; one of the 通用规范汉字表 is
#   left out (会 学 国 are Chinese too).
# Only ever towards simplified: the near rule and the duplicate key of a
# person's name compare by it, nothing is stored so. Sorted by code point.
# Usage: gen_simplified.sh OUT.c
set -eu
src=/usr/share/unicode/Unihan_Variants.txt.bz2
std=/usr/share/unicode/Unihan_OtherMappings.txt.bz2
for f in "$src" "$std"; do
	[ -r "$f" ] || { echo "gen_simplified.sh: $f missing (apt-get install unicode-data)" >&2; exit 1; }
done
out=$1
# shinjitai → 常用漢字表's bracketed old form (code points):
# 図 圖, 徳 德, 沢 澤, 斎 齋, 桜 櫻, 浜 濱, 恵 惠, 県 縣, 駅 驛, 歳 歲,
# 塩 鹽, 径 徑, 渓 溪, 倹 儉, 険 險, 拡 擴, 覚 覺, 鉄 鐵, 釈 釋, 捜 搜
shinjitai='56F3 5716
5FB3 5FB7
6CA2 6FA4
658E 9F4B
685C 6AFB
6D5C 6FF1
6075 60E0
770C 7E23
99C5 9A5B
6B73 6B72
5869 9E7D
5F84 5F91
6E13 6EAA
5039 5109
967A 96AA
62E1 64F4
899A 89BA
9244 9435
91C8 91CB
635C 641C'
{
	bzcat "$std" | awk -F '\t' '$2 == "kTGH" { print "S", $1 }'
	bzcat "$src" | awk -F '\t' '$1 ~ /^U\+/ { print "V", $1, $2, $3 }'
	printf '%s\n' "$shinjitai" | awk '{ print "J", "U+" $1, "U+" $2 }'
} | awk '
function hex(s,    i, v) {
	s = substr(s, 3)
	v = 0
	for (i = 1; i <= length(s); i++) v = v * 16 + index("0123456789ABCDEF", substr(s, i, 1)) - 1
	return v
}
function end(t,    hops) {
	for (hops = 0; (t in simple) && hops < 8; hops++) t = simple[t]
	return t
}
$1 == "S" { standard[hex($2)] = 1; next }
$1 == "J" { old[hex($2)] = hex($3); next }
$3 == "kSimplifiedVariant" {
	self = 0
	for (i = 4; i <= NF; i++) self = self || $i == $2
	if (!self) simple[hex($2)] = hex($4)
	else both[hex($2)] = 1
	next
}
$3 == "kSemanticVariant" || $3 == "kSpecializedSemanticVariant" || $3 == "kZVariant" {
	for (i = 4; i <= NF; i++) {
		w = $i
		sub(/<.*/, "", w)
		variant[hex($2)] = variant[hex($2)] " " hex(w)
	}
}
END {
	for (cp in simple) print cp + 0, end(simple[cp])
	for (cp in variant) {
		if ((cp in simple) || (cp in both) || (cp in standard)) continue
		n = split(variant[cp], v, " ")
		one = ""
		for (i = 1; i <= n; i++) {
			t = end(v[i])
			if (!(t in standard) || t == cp) continue
			if (one == "") one = t
			else if (one != t) { one = "many"; break }
		}
		if (one != "" && one != "many") print cp + 0, one
	}
	for (cp in old) {
		t = end(old[cp])
		if (!(cp in standard) && !(cp in simple) && (t in standard)) print cp + 0, t
		else if (!(cp in standard) && !(cp in simple)) print "gen_simplified.sh: " cp " leads nowhere" > "/dev/stderr"
	}
}' | sort -n -u | awk -v tool=tools/gen_simplified.sh \
	-v source="Unihan (kSimplifiedVariant; kSemanticVariant, kZVariant outside kTGH; reviewed shinjitai)" \
	-v header=simplified_table.h -v name=simplified_of -v count=simplified_n -v min=2000 \
	-v what="traditional characters" -f "$(dirname "$0")/pair_table.awk" >"$out.tmp"
mv "$out.tmp" "$out"
