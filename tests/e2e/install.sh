# SPDX-License-Identifier: MulanPSL-2.0
# make install DESTDIR=… PREFIX=…: the tree it stages, the man page rendered
# with man -l naming every command and option of `kepu --help`, help for each
# command both ways, and the examples carrying the prefix.
. "$(dirname "$0")/lib.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
dest=$WORK/dest
prefix=/opt/kepu
make -C "$root" --no-print-directory -s install DESTDIR="$dest" PREFIX="$prefix" \
	${SANITIZE:+SANITIZE=$SANITIZE} >"$WORK/install.out" 2>&1 || { cat "$WORK/install.out"; fail "make install"; }
# Staged, it sets nothing up: that is kepu-setup's on the server.
grep -q "run $prefix/sbin/kepu-setup" "$WORK/install.out" || fail "no kepu-setup hint: $(cat "$WORK/install.out")"

want="bin/kepu:755 sbin/kepu-setup:755 share/man/man1/kepu.1:644 share/man/man8/kepu-setup.8:644
share/doc/kepu/使用说明.md:644 share/doc/kepu/deploy.md:644 share/doc/kepu/security.md:644
share/doc/kepu/cli.md:644 share/doc/kepu/examples/sshd_config:644"
for w in $want; do
	f=$dest$prefix/${w%:*}
	[ -f "$f" ] || fail "missing $f"
	[ "$(stat -c %a "$f")" = "${w#*:}" ] || fail "$f mode $(stat -c %a "$f"), want ${w#*:}"
done
[ "$(stat -c %a "$dest/etc/cron.d/kepu")" = 644 ] || fail "cron.d/kepu"
cmp -s "$dest$prefix/bin/kepu" "$KEPU" || fail "the installed kepu is not the tested one"
# Nothing outside DESTDIR: only the prefix and /etc/cron.d.
[ "$(cd "$dest" && ls -A | tr '\n' ' ')" = "etc opt " ] || fail "staged: $(ls -A "$dest")"

# The examples and the setup name the installed program and data directory.
grep -q "^    ForceCommand $prefix/bin/kepu\$" "$dest$prefix/share/doc/kepu/examples/sshd_config" ||
	fail "sshd_config: $(grep ForceCommand "$dest$prefix/share/doc/kepu/examples/sshd_config")"
grep -q "root \[ -f /var/lib/kepu/kepu.db \] .* $prefix/bin/kepu backup --db /var/lib/kepu/kepu.db " \
	"$dest/etc/cron.d/kepu" || fail "cron: $(cat "$dest/etc/cron.d/kepu")"
grep -q "^bin=$prefix/bin/kepu\$" "$dest$prefix/sbin/kepu-setup" || fail "kepu-setup's binary"
grep -q "^datadir=/var/lib/kepu\$" "$dest$prefix/sbin/kepu-setup" || fail "kepu-setup's data directory"
sh -n "$dest$prefix/sbin/kepu-setup" || fail "kepu-setup does not parse"
# deploy.md shows the same sshd settings as the installed example.
grep -v '^#' "$dest$prefix/share/doc/kepu/examples/sshd_config" | grep . | sed "s|$prefix/bin/kepu|/usr/local/bin/kepu|" |
	while IFS= read -r line; do
		grep -qxF -- "$line" "$root/docs/deploy.md" || fail "deploy.md lacks the example's line: $line"
	done

grep -v '^#' "$dest/etc/cron.d/kepu" | sed "s|$prefix/bin/kepu|/usr/local/bin/kepu|" |
	while IFS= read -r line; do
		grep -qxF -- "$line" "$root/docs/deploy.md" || fail "deploy.md lacks the cron job: $line"
	done

# The man page renders without a warning and names every command and option
# of --help.
page=$dest$prefix/share/man/man1/kepu.1
MANWIDTH=80 man --warnings -l "$page" 2>"$WORK/man.err" | col -b >"$WORK/man.txt"
[ ! -s "$WORK/man.err" ] || fail "man: $(cat "$WORK/man.err")"
grep -q "^EXIT STATUS" "$WORK/man.txt" || fail "no EXIT STATUS section"
for s in NAME SYNOPSIS COMMANDS OPTIONS ENVIRONMENT FILES EXAMPLES; do
	grep -q "^$s" "$WORK/man.txt" || fail "no $s section"
done
"$dest$prefix/bin/kepu" --help >"$WORK/help"
commands=$(sed -n 's/^  kepu \([a-z]\+\).*/\1/p' "$WORK/help" | sort -u)
options=$(grep -o -- '--[a-z][a-z-]*' "$WORK/help" | sort -u)
[ "$(echo "$commands" | wc -l)" -ge 11 ] || fail "--help lists too few commands: $commands"
[ "$(echo "$options" | wc -l)" -ge 17 ] || fail "--help lists too few options: $options"
for c in $commands; do
	grep -q "^       $c\$" "$WORK/man.txt" || fail "the man page has no command $c"
	grep -q "^ *kepu $c" "$WORK/man.txt" || fail "the man page has no usage of $c"
done
for o in $options; do
	grep -q -- "^       $o\\b" "$WORK/man.txt" || grep -q -- "^       -[a-zA-Z], $o\\b" "$WORK/man.txt" ||
		fail "the man page does not describe $o"
done
grep -qF "/var/lib/kepu/kepu.db" "$WORK/man.txt" || fail "FILES lacks the installed database"
# In every locale a bare root may have (LANG unset: the C locale, whose man
# formats for ASCII), and in UTF-8 ones: no warning, no line over 80
# columns, the English whole, no "()" where Chinese was.
for lang in "" C.UTF-8 zh_CN.UTF-8; do
	env -i PATH="$PATH" ${lang:+LANG=$lang} MANWIDTH=80 man --warnings -l "$page" 2>"$WORK/man.err" |
		col -bx >"$WORK/man-c.txt"
	[ ! -s "$WORK/man.err" ] || fail "man with LANG=$lang: $(wc -l <"$WORK/man.err") warnings: $(head -3 "$WORK/man.err")"
	width=$(LANG=C.UTF-8 wc -L <"$WORK/man-c.txt") # display columns: a Chinese character is 2
	[ "$width" -le 80 ] && [ "$width" -ge 70 ] || fail "man with LANG=$lang: $width columns wide"
	grep -q "()" "$WORK/man-c.txt" && fail "man with LANG=$lang: an empty (): $(grep "()" "$WORK/man-c.txt")"
	grep -q "form entry and management for the Xuchang science-popularisation" "$WORK/man-c.txt" ||
		fail "man with LANG=$lang: NAME: $(sed -n 4,6p "$WORK/man-c.txt")"
done
# The C locale's page gives the Chinese as pinyin; a UTF-8 one as written.
env -i PATH="$PATH" MANWIDTH=80 man -l "$page" 2>/dev/null | col -b | grep "programme ({bai qian wan" >/dev/null ||
	fail "the C locale's NAME has no pinyin"
env -i PATH="$PATH" LANG=C.UTF-8 MANWIDTH=80 man -l "$page" 2>/dev/null | col -b | grep "programme (百千万科普工程)" >/dev/null ||
	fail "the UTF-8 NAME lacks the Chinese"
[ -f "$dest$prefix/share/doc/kepu/LICENSE" ] && cmp -s "$root/LICENSE" "$dest$prefix/share/doc/kepu/LICENSE" ||
	fail "the licence is not installed"

# kepu help COMMAND and kepu COMMAND --help: the same text, status 0, naming
# the command's own options; an unknown command is status 2.
for c in $commands; do
	"$KEPU" help "$c" >"$WORK/h1" || fail "kepu help $c: status $?"
	"$KEPU" "$c" --help >"$WORK/h2" || fail "kepu $c --help: status $?"
	cmp -s "$WORK/h1" "$WORK/h2" || fail "kepu help $c and kepu $c --help differ"
	grep -q "^  kepu $c" "$WORK/h1" || fail "kepu help $c: $(head -3 "$WORK/h1")"
done
grep -q -- "--output FILE" <("$KEPU" help export) || fail "help export lacks --output"
grep -q -- "--skip-invalid" <("$KEPU" help export) && fail "help export shows an import option"
set +e
"$KEPU" help nosuch >/dev/null 2>&1; rc1=$?
"$KEPU" export >/dev/null 2>"$WORK/err"; rc2=$?
"$KEPU" --nosuch >/dev/null 2>&1; rc3=$?
set -e
[ "$rc1$rc2$rc3" = 222 ] || fail "usage errors: status $rc1 $rc2 $rc3, want 2 2 2"
grep -q "kepu help export" "$WORK/err" || fail "a short command line does not point to help: $(cat "$WORK/err")"
[ "$("$KEPU" --version)" = "kepu $(cat "$root/VERSION")" ] || fail "--version: $("$KEPU" --version)"
echo ok
