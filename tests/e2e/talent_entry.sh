# SPDX-License-Identifier: MulanPSL-2.0
# Type a complete 附表2 record through the keyboard, Chinese included, and
# find every value in the database — as the unit's own account types it
# (县（市、区）科协推荐意见 is the unit's to write).
. "$(dirname "$0")/lib.sh"
new_db
add_user xcxy1 unit 许昌学院
E2E_USER=xcxy1 start 80 24
keys 2
wait_for "新记录"
assert_screen "填报单位：许昌学院"
type_text "买买提•艾力"; keys Tab
keys Space; wait_for "+-性别"; keys Down Enter     # the list opens on 男; Down takes 女
type_text "38"; keys Tab
type_text "维吾尔"; wait_for "维吾尔族"; keys Enter
type_text "九三"; keys Enter
type_text "硕士"; keys Enter
type_text "农业"; keys Tab
type_text "果树栽培"; keys Tab
type_text "许昌学院"; keys Tab
type_text "副教授"; keys Tab
type_text "+86 139-3741-2345"; keys Tab
type_text "ＭＭＴ@163.COM"; keys Tab
type_text "mmt_2016"; keys Tab
keys Space Right Right Space Right Right Right Right Right Space
type_text "x"                       # not text in a checkbox row: ignored
keys Tab
type_text "从事果树栽培研究二十年。"; keys Enter; type_text "主持省级课题三项。"; keys Tab
type_text "多次参加全国科普日活动。"; keys Tab
type_text "每季度开展一次果树讲座。"; keys Tab
type_text "同意推荐。"; keys Tab
keys C-s
wait_for "已保存（第 1 号记录）"
assert_screen "新记录"   # ready for the next record
assert_sql "SELECT name, gender, age, ethnicity, political, education, industry, specialty,
  employer, title, phone, email, qq_wechat FROM talent" \
  "买买提·艾力|女|38|维吾尔族|九三学社社员|硕士研究生|农业|果树栽培|许昌学院|副教授|13937412345|MMT@163.com|mmt_2016"
assert_sql "SELECT service_categories FROM talent" '["青少年科普","社区科普","科普创作"]'
assert_sql "SELECT profile FROM talent" "从事果树栽培研究二十年。
主持省级课题三项。"
assert_sql "SELECT experience || '|' || plan || '|' || county_opinion || '|' || ifnull(city_opinion, 'NULL')
  FROM talent" "多次参加全国科普日活动。|每季度开展一次果树讲座。|同意推荐。|NULL"
assert_sql "SELECT u.name || t.version FROM talent t JOIN units u ON u.id = t.unit_id" "许昌学院1"
# F2 works as well as Ctrl-S for the next record
fill_required "张三" "2965753"
keys F2
wait_for "已保存（第 2 号记录）"
assert_sql "SELECT phone FROM talent WHERE id = 2" "0374-2965753"
keys Escape
wait_for "主菜单"
keys q
wait_for "KEPU-EXIT=0"
# What the screens wrote is sealed and chained (#27).
"$KEPU" check --db "$DB" >"$WORK/check" || fail "kepu check: $(cat "$WORK/check")"
