#!/bin/sh
# SPDX-License-Identifier: MulanPSL-2.0
# Build the user guide from its template: each line `@SCREEN name@` becomes
# the screen captured by tests/e2e/user_guide.sh as SCREENS/name.txt, in a
# text block. Usage: make_guide.sh TEMPLATE SCREENS_DIR > GUIDE.md
set -eu
template=$1 screens=$2
while IFS= read -r line; do
	case "$line" in
	@SCREEN\ *@)
		name=${line#@SCREEN }
		name=${name%@}
		[ -r "$screens/$name.txt" ] || { echo "make_guide.sh: no screen $name" >&2; exit 1; }
		echo '```text'
		sed 's/[[:space:]]*$//' "$screens/$name.txt"
		echo '```'
		;;
	*) printf '%s\n' "$line" ;;
	esac
done <"$template"
