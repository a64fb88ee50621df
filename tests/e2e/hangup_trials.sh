# SPDX-License-Identifier: MulanPSL-2.0
# Hang up at a random moment while typing, TRIALS times (default 20; the
# issue's figure is TRIALS=200): every time, the draft holds at least all
# the text kepu had already shown.
. "$(dirname "$0")/lib.sh"
new_db
seed_random
trials=${TRIALS:-20}
lost=0
for i in $(seq "$trials"); do
	sqlite3 "$DB" "DELETE FROM kp_drafts"
	start 80 24
	open_talent_form "许昌学院"
	keys Tab Tab Tab Tab Tab Tab Tab Tab
	type_text "第${i}次试验"
	wait_for "第${i}次试验"            # kepu has it: it must not be lost
	type_text "继续输入更多文字"         # may or may not arrive before the hang-up
	sleep "0.0$((RANDOM % 10))"
	hang_up
	got=$(draft_value employer)
	case "$got" in
	"第${i}次试验"*) ;;
	*) lost=$((lost + 1)); echo "trial $i: draft employer is '$got'" ;;
	esac
done
echo "hang-up trials: $trials, drafts lost: $lost"
[ "$lost" -eq 0 ] || fail "$lost of $trials drafts lost"
