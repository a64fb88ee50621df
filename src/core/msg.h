/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * msg: the one catalogue of user-visible text. Code refers to messages by id;
 * the Chinese wording lives only here. Formats take printf arguments.
 */
#ifndef KP_MSG_H
#define KP_MSG_H

#define KP_MESSAGES(X) \
	/* validation: the reason part; the field's label is put in front */ \
	X(V_FIELD,          "%s：%s") \
	X(V_REQUIRED,       "必须填写") \
	X(V_TOO_LONG,       "最多 %d 个字，现在是 %d 个字") \
	X(V_NOT_INTEGER,    "应为整数") \
	X(V_GROUPED,        "「%s」里有千位分隔符「,」，请只写数字") \
	X(V_KEY_NOT_DIGIT,  "只能填 %lld 到 %lld 的整数，「%s」不是数字，没有输入") \
	X(V_KEY_NOT_DIGIT_ANY,"只能填整数，「%s」不是数字，没有输入") \
	X(V_MIN,            "不能小于 %ld") \
	X(V_MAX,            "不能大于 %ld") \
	X(V_PHONE,          "不是有效的电话号码（手机 11 位，固话如 0374-2965753）") \
	X(V_PHONE_LENGTH,   "不是有效的电话号码：区号 %s（%s）的本地号码是 %d 位，这里是 %d 位（%s）") \
	X(V_PHONE_BRACKET,  "不是有效的电话号码：括号不成对或括住的不是区号（括号只能括住区号，如 (0374) 4396123）") \
	X(V_PHONE_EXT,      "不是有效的电话号码：分机号「%s」应是 1 至 6 位连续的数字（中间不能有空格或其他字符，如 0374-2965753转8001）") \
	X(V_PHONE_GROUPS,   "不是有效的电话号码：本地号码「%s」应是一串连续的数字（如 0374-4396123，不要写成 439-6123）") \
	X(V_MONTH_RANGE,    "「%s」不在本工程的年份内：应在 %d年1月至 %d年12月之间") \
	X(V_EMAIL,          "不是有效的电子邮箱地址（如 zhangsan@163.com）") \
	X(V_DATE,           "不是有效的日期（如 2016-07-15 或 2016年7月15日）") \
	X(V_YEARMONTH,      "不是有效的年月（如 2016-07 或 2016年7月）") \
	X(V_MONTH_AMBIGUOUS, "「%s」看不出是 1 月还是 10 月，没有猜：请写成 %d-01 或 %d-10（或 %d年1月、%d年10月）") \
	X(V_CHOICE,         "「%s」不是可选的项") \
	X(V_CHOICE_LIST,    "「%s」不是可选的项，可选：%s") \
	X(V_CHOICE_SOME,    "「%s」不是可选的项，可选：%s等 %zu 项") \
	X(V_CHOICE_COUNT,   "「%s」不是可选的项（可选 %zu 项）") \
	X(V_CHOICE_MONTH,   "「%s」不是可选的月份：月份写作 YYYY-MM 或 YYYY年M月（如 %s），本年度可选 %s 到 %s") \
	X(V_CHOICE_MONTH_NOW,"「%s」不是可选的月份：月份写作 YYYY-MM 或 YYYY年M月（如 %s），现在可选：%s；%s 从 %04d-%02d-01 起可以填") \
	X(V_MONTHS_FROM_TO, "%s 到 %s") \
	X(V_CHOICE_MONTH_NONE,"「%s」不是可选的月份：月份写作 YYYY-MM 或 YYYY年M月（如 %s），本年度的月份现在都还不能填；%s 从 %04d-%02d-01 起可以填") \
	X(V_BEFORE,         "不能早于%s") \
	X(V_NOT_MORE,       "%s，多于%s %s（%s不能多于%s）") \
	X(V_NOT_MORE_WHY,   "%s，多于%s %s（%s不能多于%s：%s）") \
	X(V_MIN_CHARS,      "至少要写 %d 个字（不算空格和标点），现在是 %d 个字") \
	X(V_MIN_DISTINCT,   "重复的字只算一个：至少要有 %d 个不同的字，现在只有 %d 个，请写明具体内容") \
	X(V_NOT_YET,        "「%s」还没有到（今天是 %s）") \
	X(V_NOT_ENDED,      "「%s」这个月还没有过完（今天是 %s）：只能填已经过完的月份，这个月的从 %04d-%02d-01 起可以填") \
	X(V_AFTER_YEAR,     "%s 年在本年度（%d 年度）之后：只能填 %d 或以前的年度") \
	X(V_REQUIRED_WHEN,  "%s为「%s」时必须填写") \
	X(V_ONLY_WHEN,      "只在%s为「%s」时填写，%s现在是「%s」（改%s或清空本项）") \
	X(V_ONLY_WHEN_EMPTY, "只在%s为「%s」时填写，%s还没有选") \
	X(V_CHOICE_DUP,     "「%s」选了两次") \
	X(V_PATTERN,        "格式不正确") \
	X(V_ODD_SPACE,      "第%d个字是%s U+%04X，看起来和普通空格一样（或看不出来），请改为普通空格或删去") \
	X(V_NBSP,           "不换行空格") \
	X(V_SPACE_KIND,     "特殊宽度的空格") \
	X(V_CONTROL,        "第%d个字是看不见的控制字符或格式字符 U+%04X，请删去（不会照原样保存）") \
	X(V_COMBINING,      "第%d个字是附加符号 U+%04X，加在汉字「%s」上（看起来像同一个字，其实不同），请删去") \
	X(V_COMBINING_FIRST,"第%d个字是附加符号 U+%04X，前面没有可以加的字母，请删去") \
	X(V_PRIVATE_USE,    "第%d个字是私用区字符 U+%04X（不是标准字符，各台电脑显示的不同），请改为标准的字或删去") \
	X(V_RADICAL,        "第%d个字「%s」是部首符号 U+%04X，不是汉字「%s」（U+%04X）：请改为汉字「%s」") \
	X(V_HAN_LIKE,       "第%d个字「%s」是%s U+%04X，不是汉字「%s」（U+%04X）：夹在汉字里看起来一样，查重时却不同，请改为汉字「%s」") \
	X(V_KANA,           "日文假名") \
	X(V_BOPOMOFO,       "注音符号") \
	X(V_HANGUL,         "朝鲜文字母") \
	X(V_BOX_DRAWING,    "制表符") \
	X(V_RADICAL_ANY,    "第%d个字「%s」是部首或笔画符号 U+%04X，不是汉字：请改为汉字") \
	X(V_MIXED_SCRIPT,   "第%d个字是%s「%s」U+%04X，和同一个词里的拉丁字母混在一起（看起来像拉丁字母「%s」，其实不同）：请改为拉丁字母「%s」") \
	X(V_CYRILLIC,       "俄文字母") \
	X(V_GREEK,          "希腊字母") \
	X(V_BAD_UTF8,       "含有无效的字符编码（不是 UTF-8，在这一格的第%zu个字节）") \
	X(V_NEWLINE,        "不能换行") \
	X(V_LIMIT,          "内容过于复杂，无法校验") \
	/* record fields (#19): a nomination's talent or project */ \
	X(S_REF_NONE,       "%s：%s中没有第 %lld 号记录（或不是你可以看到的）") \
	X(S_REF_UNIT,       "%s：%s第 %lld 号记录属于%s，不是本记录的单位（%s）") \
	X(S_REF_STATE,      "%s：%s第 %lld 号记录是「%s」，只有「%s」的记录可以选") \
	X(S_REF_UNKNOWN,    "%s：%s在%s的%s记录中找不到「%s」（请填记录号，或%s）") \
	X(S_REF_AMBIGUOUS,  "%s：%s在%s的%s记录中有不止一条「%s」（请填记录号，或%s以区分）") \
	X(S_REF_IN_USE,     "第 %lld 号记录已被「%s」第 %lld 号记录引用，不能删除（请先删除或修改那条记录）") \
	X(S_REF_GONE,       "第 %lld 号（已不存在）") \
	X(S_REF_NOW,        "〔现为%s〕") \
	/* form definition loader */ \
	X(L_READ,           "无法读取文件：%s") \
	X(L_NOT_AFTER,      "not_after 只能是 %s，不是「%s」") \
	X(L_DEFAULT,        "default 只能是 year（新记录填上所在的年度），不是「%s」") \
	X(L_SYNTAX,         "YAML 语法错误：%s") \
	X(L_DEPTH,          "嵌套超过 %d 层") \
	X(L_TOO_MANY,       "节点过多（超过 %d 个）") \
	X(L_ALIAS,          "表单定义不使用锚点和别名（& 与 *）") \
	X(L_TAG,            "表单定义不使用标签（!）") \
	X(L_MULTI_DOC,      "一个文件只能有一个 YAML 文档") \
	X(L_UNKNOWN_KEY,    "未知的键「%s」") \
	X(L_DUP_KEY,        "重复的键「%s」") \
	X(L_MISSING_KEY,    "缺少必需的键「%s」") \
	X(L_WANT_MAP,       "这里应为映射（键: 值）") \
	X(L_WANT_SEQ,       "这里应为列表") \
	X(L_WANT_SCALAR,    "这里应为单个值") \
	X(L_WANT_BOOL,      "应为 true 或 false，而不是「%s」") \
	X(L_WANT_INT,       "应为整数，而不是「%s」") \
	X(L_WANT_POS_INT,   "应为正整数，而不是「%s」") \
	X(L_EMPTY,          "不能为空") \
	X(L_BAD_ID,         "标识「%s」无效：须以小写字母开头，只含小写字母、数字和下划线") \
	X(L_RESERVED_ID,    "标识「%s」是保留字") \
	X(L_DUP_FIELD,      "字段标识「%s」重复（第一次出现在第 %d 行）") \
	X(L_UNKNOWN_TYPE,   "未知的字段类型「%s」（可用：%s）") \
	X(L_UNKNOWN_PATTERN,"未知的模式名「%s」（见 config/patterns.yaml）") \
	X(L_UNKNOWN_FORM,   "没有名为「%s」的表单（或它有错误，未能载入）") \
	X(L_UNKNOWN_FIELD,  "表单中没有字段「%s」") \
	X(L_ORDER_TYPE,     "字段「%s」不是 %s 类型，不能比较先后") \
	X(L_UNKNOWN_LIST,   "未知的选项列表「%s」（见 data/）") \
	X(L_PCRE,           "正则表达式无法编译，第 %d 个字符处：%s") \
	X(L_AREA_CODE,      "「%s」不是区号：区号是 0 加 2 或 3 位数字，如 010、0374") \
	X(L_AREA_DIGITS,    "区号 %s 须给出 digits（本地号码位数，7 或 8）和 place（地名）") \
	X(L_NOT_FOR_TYPE,   "键「%s」不适用于 %s 类型的字段") \
	X(L_NEEDS_CHOICES,  "%s 类型的字段需要 choices") \
	X(L_NO_FIELDS,      "表单没有任何字段") \
	X(L_EMPTY_LIST,     "选项列表为空") \
	X(L_DUP_CHOICE,     "选项「%s」重复") \
	X(L_MIN_MAX,        "min（%ld）大于 max（%ld）") \
	X(L_DISTINCT_MIN,   "min_distinct_chars（%ld）大于 min_chars（%ld）") \
	X(L_DUP_FORM,       "表单标识「%s」已在 %s 中使用") \
	X(L_DUP_ATTACHMENT, "附表 %d 已在 %s 中使用") \
	X(L_DUP_TABLE,      "数据表「%s」已被表单 %s 使用") \
	X(L_UNSAFE_TEXT,    "文字中含有控制字符") \
	X(L_RANGE,          "%lld 不在 %d 到 %d 之间") \
	X(L_DONE,           "done 应为 manual 或 {records: [表单, …]}，而不是「%s」") \
	X(L_BRIEF,          "简称「%s」太长：最多 4 个半角字符宽（2 个汉字）") \
	X(L_OWNER,          "%s 应为 city（市科协）或 unit（各单位），而不是「%s」") \
	X(L_DUE,            "截止日期「%s」无法识别（可写 7月15日、6月底 或 每月3日）") \
	X(L_DUP_MILESTONE,  "事项标识「%s」重复（第一次出现在第 %d 行）") \
	X(L_FORM_NO_FIELD,  "表单「%s」中没有字段「%s」") \
	X(L_NO_FILE,        "缺少这个定义文件") \
	X(L_STATE,          "state 应为 submitted（已提交）或 approved（已认定），而不是「%s」") \
	X(L_BAD_UNIQUE,     "unique 须是单行字段，且表单不是 per_unit：「%s」") \
	X(L_SIMILAR_ALL,    "similar_hint 须少于 unique_hint 的字段（其余字段不同时才提醒）") \
	X(L_SIMILAR_NO_HINT,"similar_hint 须与 unique_hint 一起使用（其余字段不同时才提醒）") \
	X(L_SIMILAR_TWICE,  "similar_hint 中只能有一条规则全由 unique_hint 的字段组成") \
	X(L_SIMILAR_TEXT,   "similar_hint 中含 unique_hint 以外字段的规则只能用单行文字字段（按忽略空格、全半角比较）：「%s」不是") \
	X(L_NEAR_NOT_HINT,  "near_hint 的字段须是 unique_hint 中的单行文字字段：「%s」不是") \
	X(L_NEAR_TWICE,     "near_hint 中字段「%s」出现了两次") \
	X(L_NEAR_NONE,      "near_hint 须在 numbered、place 或 first 中列出至少一个字段") \
	X(L_NEAR_PREFIX,    "near_hint 的 prefixes 须是不空的单行文字") \
	X(L_NEAR_DAY,       "near_hint 的 day 须是 unique_hint 以外的日期或选项字段：「%s」不是") \
	X(L_PREFILL,        "%s 的 prefill：%s") \
	X(L_REF_STATE,      "ref 的 state 只能是 draft、submitted、approved 或 returned，不是「%s」") \
	X(L_REF,            "%s 的 ref：%s") \
	X(L_REF_FIELD,      "表单「%s」中没有字段「%s」（show 须是它的字段，不能是 record 字段）") \
	X(L_REF_REVIEW,     "表单「%s」没有审核（review），不能要求 state") \
	X(L_PREFILL_REF,    "表单「%s」中没有合适的「%s」（from 须是表单，date 须是日期字段，sum 须是整数字段，evidence 须是带附件的表单）") \
	X(L_PAPER_SPAN,     "这一行占 %d 列，paper 的 columns 有 %zu 列") \
	X(L_EVIDENCE_LIMIT, "evidence 的 %s 应为 1 到 %d 之间的整数，而不是「%s」") \
	X(L_SEARCH_CATEGORY, "category 应为选项字段（choice、multichoice），「%s」不是") \
	X(L_DUP_SEARCH,     "只能有一个表单定义 search，%s 已定义") \
	X(L_PAPER_BOXES,    "boxes 只用于选项字段（choice、multichoice）") \
	X(L_PAPER_CELL,     "格子须有 label、field 或 text 之一") \
	X(L_PAPER_PLACE,    "「{%s}」既不是本表的字段，也不是 {unit} 或 {year}") \
	X(L_NOT_PER_UNIT,   "表单「%s」不是每单位一条的表单（per_unit）") \
	/* storage */ \
	X(S_OPEN,           "无法打开数据库 %s：%s") \
	X(S_SQL,            "数据库错误：%s") \
	X(S_BUSY,           "数据库正忙：另一个账号正在写入（例如一次大的导入），等了 %d 秒仍没有轮到，这次没有保存。请稍后再试") \
	X(S_CHANGED,        "这条记录已被其他人修改或删除，请重新打开后再改") \
	X(SS_NOT_VIEWED,    "第 %lld 号记录「%s」的当前内容你还没有打开看过（%s），请按 Enter 打开查看后再认定") \
	X(SS_VIEWED_OLD,    "你看过的是第 %d 版") \
	X(SS_VIEWED_NONE,   "这次登录后没有打开过") \
	X(S_CHANGED_SINCE_SEEN, "这条记录在你查看之后被修改过（第 %lld 号记录：你看到的是第 %d 版，现在是第 %d 版），请重新查看后再%s") \
	X(S_TEXT_INDEX_STALE, "%s：列表筛选的文字索引与记录不一致（数据曾在 kepu 之外被修改）；请运行 kepu check --rebuild-index 重建") \
	X(S_BACKUP_TEMP,    "无法在 %s 中建立备份的临时文件：%s") \
	X(S_BACKUP_BAD,     "备份 %s 未通过完整性检查：%s") \
	X(S_COMPANION,      "不能在 %s 建立数据库：旁边已有 %s（另一个数据库留下的日志文件，下次打开时 SQLite 会把它并入新数据库）；请先查明并移走该文件，或换一个文件名") \
	X(S_NO_FILE,        "文件不存在（先运行 kepu init）") \
	X(S_DUPLICATE,      "本单位已有%s为「%s」的记录，请在列表中打开它修改") \
	X(S_PER_UNIT_HAVE,  "%s已有%s 第 %lld 号记录（每个单位一份）：要修改请打开它，命令行请加 --record %lld") \
	X(A_USER_EXISTS,    "账号「%s」已存在") \
	X(A_NO_USER,        "没有账号「%s」") \
	X(A_TOO_SHORT,      "新密码至少要 8 个字符") \
	X(A_SAME,           "新密码不能与原密码相同") \
	X(A_HASH_FAILED,    "无法计算密码摘要（内存不足？）") \
	X(A_BLANK,          "新密码不能为空，也不能只由空格组成") \
	X(A_PADDED,         "新密码的开头和结尾不能是空格") \
	X(A_NAME_RULE,      "用户名须为 1 到 32 个字符，只能用字母、数字、汉字和 . _ -，不能以 . 开头（不能有空格、斜杠或控制字符）") \
	X(A_STATE_OK,       "正常") \
	X(A_STATE_LOCKED,   "已锁定") \
	X(A_STATE_DISABLED, "已停用") \
	X(A_STATE_INITIAL,  "须改密码") \
	/* the expert search (domain/find.c, ui/find_screen.c, kepu find) */ \
	X(FD_WORD,          "%s「%s」") \
	X(FD_PINYIN,        "%s「%s」（拼音）") \
	X(FD_SEP,           "；") \
	X(RV_DRAFT,         "草稿") \
	X(RV_SUBMITTED,     "已提交") \
	X(RV_APPROVED,      "已认定") \
	X(RV_RETURNED,      "退回") \
	X(RV_SUBMIT,        "提交审核") \
	X(RV_APPROVE,       "认定") \
	X(RV_RETURN,        "退回修改") \
	X(RV_REOPEN,        "重新打开") \
	X(RV_WITHDRAW,      "撤回（改回草稿）") \
	X(RV_UNAPPROVE,     "撤销认定（改回已提交）") \
	X(RV_NOT_ALLOWED,   "不能「%s」：这条记录现在是「%s」") \
	X(RV_NEED_REASON,   "请写明原因") \
	X(S_SYSTEM_ACTOR,   "kepu（初始数据）") \
	X(S_NO_UNIT,        "没有名为「%s」的单位") \
	/* the session layer (store/session.c): what a session may not do */ \
	X(SS_SIGN_IN,       "请先登录") \
	X(S_SAME,           "与已有的第 %lld 号记录重复（%s相同），没有再次导入") \
	X(S_SAME_APPROVED,  "与已认定的第 %lld 号记录重复（%s相同）：已认定的记录不会被导入改动，没有导入") \
	X(S_SAME_LOCKED,    "与第 %lld 号记录重复（%s相同）：它现为「%s」，不能由导入改动，没有导入") \
	X(S_SAME_OTHER_UNIT,"与%s的第 %lld 号记录重复（%s相同），没有导入") \
	X(S_SAME_IN_FILE,   "与本文件第 %lld 行重复（%s相同），没有再次导入") \
	X(S_SIMILAR_WHY,    "%s相同，%s不同") \
	X(S_SIMILAR,        "可能与第 %lld 号记录（%s）重复：%s，没有导入") \
	X(S_SIMILAR_OTHER_UNIT,"可能与%s的第 %lld 号记录（%s）重复：%s，没有导入") \
	X(S_SIMILAR_IN_FILE,"可能与本文件第 %lld 行（%s）重复：%s，没有导入") \
	X(S_NEAR_WHY,       "%s相同%s") \
	X(S_NEAR_NUMBERED,  "%s（不计编号）") \
	X(S_NEAR_PLACE,     "%s（不计开头的省、市、本单位名和末尾的括注）") \
	X(S_NEAR_FIRST,     "%s（只计第一位，或全部而不计顺序）") \
	X(S_NEAR_ANY,       "（不论%s）") \
	X(S_SAME_IN_FILE_OTHER, "与本文件第 %lld 行（%s的记录）重复（%s相同），没有导入") \
	X(SS_OTHER_UNIT,    "只能填报和修改本单位（%s）的记录") \
	X(SS_CITY_FORM,     "「%s」由市科协填写，单位不能修改") \
	X(SS_NOT_IN_YEAR,   "%s：%s 不在 %d 年度，这是 %.4s 年度的记录，请换到该年度再填报") \
	X(SS_NO_SUCH_YEAR,  "%s：%s 不在 %d 年度，也没有开启 %.4s 年度（已开启的年度：%s），请改正这个日期") \
	X(SS_YEAR_STATE,    "这条记录现为「%s」：单位只能在提交前（草稿）换年度，其他请市科协换") \
	X(SS_YEAR_PER_UNIT, "「%s」每个单位每年度一份，不能换年度；请在要填的年度里直接填写") \
	X(SS_YEAR_SAME,     "这条记录已经在 %d 年度") \
	X(SS_YEAR_MOVE_DATE,"不能换到 %d 年度：「%s」%s 不在该年度（换过去的记录，这个日期须在 %d 年度内）") \
	X(SS_YEAR_MOVE_AFTER,"不能换到 %d 年度：「%s」%s 在该年度之后（只能是 %d 或以前的年度）") \
	X(SS_YEAR_AHEAD,    "%d 年度还没有开始（今天是 %d 年），单位还不能在其中填报；请换回本年度") \
	X(SS_YEAR_CLOSED,   "%d 年度已由市科协结束（%.10s）：各单位不能再新增、修改、删除、提交或导入该年度的记录和附件；如需更正，请联系市科协重新开放该年度") \
	X(SS_REPORT_LOCKED, "%s（%s）已由市科协于 %d年%d月%d日 汇总报送省科协：单位不能再修改或删除；如需更正，请联系市科协") \
	X(SS_YEAR_CLOSED_RETURN,"%d 年度已结束：退回的记录单位无法修改；请先对该单位重新开放该年度（主菜单按 x，或 kepu year reopen %d --for-unit %s），再退回") \
	X(SS_YEAR_CLOSED_UNDO,"%d 年度已结束：撤销认定会改变该年度结束时定下的完成数和排名；请先对该单位重新开放该年度（主菜单按 x，或 kepu year reopen %d --for-unit %s），再撤销认定") \
	X(SS_CITY_FIELD,    "「%s」由市科协填写，单位不能填写或修改") \
	X(SS_UNIT_FIELD,    "「%s」由填报单位填写，市科协不能修改") \
	X(SS_KEY_FIXED,     "已保存的%s不能改「%s」（第 %lld 号记录是 %s 的）：%s 的%s请另建一条新记录，或请市科协更正") \
	X(SS_NO_EVIDENCE,   "「%s」的记录不带附件") \
	X(S_NO_ATTACHMENT,  "没有第 %lld 号附件") \
	X(S_ATTACH_SHORT,   "附件没有读完（文件比说的短），没有保存") \
	X(S_ATTACH_TOO_BIG, "「%s」有 %.1f MiB，超过了每个附件 %d MiB 的上限，没有保存") \
	X(S_ATTACH_SAME,    "「%s」与这条记录已有的附件「%s」内容完全相同，没有再添加：同一个文件只能作为一次佐证") \
	X(S_ATTACH_SAME_PICTURE, "「%s」与这条记录已有的附件「%s」图像内容相同（文件不完全相同，只差编码方式或附加信息），没有再添加：同一张照片只能作为一次佐证") \
	X(S_ATTACH_SAME_DOCUMENT, "「%s」与这条记录已有的附件「%s」文档内容相同（文件不完全相同，只差文档结尾之后附加的内容），没有再添加：同一个文件只能作为一次佐证") \
	X(S_ATTACH_TWIN,    "附件「%s」与第 %lld 号记录的附件内容相同") \
	X(S_ATTACH_TWIN_HIDDEN, "附件「%s」与另一条记录的附件相同") \
	X(S_ATTACH_TWIN_MORE, "……还有更多") \
	X(S_ATTACH_MANY,    "这条记录已有 %d 个附件，达到了上限，没有保存；请先删除不需要的附件") \
	X(SS_STATE,         "这条记录现在是「%s」，不能修改或删除") \
	X(SS_MOVE,          "不能把记录从「%s」改为「%s」") \
	X(SS_CITY_ONLY,     "只有市科协的账号可以这样做") \
	X(SS_ADMIN_ONLY,    "只有服务器管理员可以这样做") \
	X(SS_WIDEN,         "当前会话不能改为「%s」的权限") \
	X(SS_DRAFT_OWNER,   "只能读写自己的草稿") \
	X(C_CELL_NOT_YOURS, "%s「%s」有内容：这一项由%s填写，不能由本账号导入或改动，而这一格与系统中已存的不同。请清空这一格（空格保留已存的内容）后再导入（整个文件未导入）") \
	X(C_COLUMN_NOT_YOURS, "%s「%s」有内容：这一列由%s填写，不能由本账号导入或改动，而这一格与系统中已存的不同。请清空这一格或删去这一列（保留已存的内容）后再导入（整个文件未导入）") \
	X(C_NOT_YOURS_NOTE, "注意：%s「%s」等由%s填写的格不导入：与系统中已存的相同、或所在记录不会被导入改动的，略过；与已存的不同的，整个文件不导入") \
	X(C_AUDIT_SINCE_RANGE, "--since「%s」是日期，但超出可用的年份范围（%d 至 %d 年），没有列出审计记录") \
	X(C_AUDIT_SINCE,    "--since「%s」不是有效的日期（如 2016-07-15 或 2016年7月15日），没有列出审计记录") \
	X(C_AUDIT_UNIT,     "--unit「%s」不是任何单位的名称（与附表1 的单位名称一致，如「魏都区」），没有列出审计记录") \
	X(C_THE_UNIT,       "填报单位") \
	X(UI_ANY_KEY_QUITS, "按任意键退出。") \
	X(S_DAMAGED,        "数据库文件已损坏（%s），读出的内容不可信。请停止录入，并通知管理员：用最近一次 kepu backup 做的备份恢复。") \
	/* checklist, progress, briefing */ \
	X(P_SCORE,          "完成度") \
	X(P_FORMULA_NOTE,   "每项 = 完成数 / 指标，最高按 %d%% 计；指标 0 记「免」，按全市平均计；同分并列") \
	X(P_EXEMPT,         "免") \
	X(P_EXEMPT_NOTE,    "免：该项按全市平均完成度 %s 计") \
	X(P_EXEMPT_NOTES,   "免：该项按全市平均完成度计（%s）") \
	X(P_EXEMPT_ALL_NOTE,"名次、完成度为「免」的单位各项指标均为 0，不参加排名") \
	X(P_TIED,           "并列%d") \
	X(P_TOTAL,          "合计") \
	X(P_WAITING,        "%s%s已认定 %lld、待审核 %lld") \
	X(P_DONE,           "已完成") \
	X(P_LATE,           "逾期完成") \
	X(P_OVERDUE,        "! 逾期 %ld 天") \
	X(P_DAYS_LEFT,      ". 还有 %ld 天") \
	X(P_DUE_TODAY,      ". 今天截止") \
	X(P_OPEN_AT_CLOSE,  ". 年度结束时未完成") \
	X(P_STILL_DUE,      "「%s」%s截止，还有 %d 个单位未完成") \
	X(P_STILL_DUE_MORE, "；另有 %d 项") \
	X(P_UNITS_DONE,     "（%d/%zu 个单位完成）") \
	X(P_OWNER_UNIT,     "各单位") \
	X(P_OWNER_CITY,     "市科协") \
	X(P_MONTH_HEADING,  "%d月报") \
	X(P_COL_UNIT,       "单位") \
	X(P_LEGEND,         "+ 按时完成  ~ 逾期完成  . 未到期  ! 已逾期") \
	X(R_TODAY,          "今天：%s") \
	X(R_CLOSED_AS_OF,   "%d 年度已于 %s 由市科协结束：以下是结束那天的状态（. 为结束时未完成，以后不再变成逾期）") \
	X(R_CHECKLIST,      "“百千万科普工程”工作进度检查表") \
	X(R_COL_DUE,        "截止日期") \
	X(R_COL_OWNER,      "责任") \
	X(R_COL_ITEM,       "事项") \
	X(R_COL_STATE,      "状态") \
	X(R_COL_RANK,       "名次") \
	X(R_COL_SAVED,      "报送时间") \
	X(R_TITLE,          "五.%d %s") \
	X(R_CARRIED_YEAR,  "%d年度 ") \
	X(R_MONTHLY_TITLE,  "五.%d %d月%s") \
	X(R_MATRIX,         "各单位完成情况") \
	X(R_RANKING,        "许昌市科协“百千万科普工程”各单位任务完成进度与排名（六、绩效考核）") \
	X(R_BRIEFING,       "许昌市科协“百千万科普工程”工作简报：%d年%d月（月报截止 %s）") \
	X(R_NOT_REPORTED,   "未报送") \
	X(R_MONTH_NOT_OVER, "%d年%d月还没有结束（今天是 %s）：这个月的月报要到月末之后才能报送（截止 %s），下表的「未报送」不是逾期") \
	X(R_LATE_MARK,      " 逾期") \
	X(R_CHANGED_MARK,   "（%d月%d日修改）") \
	X(R_REPORTED_COUNT, "已报 %zu/%zu，逾期 %zu") \
	X(R_MISSING,        "未报送的单位：") \
	X(R_RECORDS_NOTE,   "方括号内是该单位当月已认定的相应记录（科普活动、资源开发）算出的数，与报送的数不同时列出，供核对") \
	X(R_NONE,           "无") \
	X(R_WHICH,          "kepu report monthly 或 kepu report progress") \
	X(B_BAD_MONTH,      "「%s」不是报告月份（可用 %s 到 %s）") \
	/* terminal interface */ \
	X(UI_APP_TITLE,     "许昌市科协「百千万科普工程」") \
	X(UI_TOO_SMALL,     "终端窗口太小：至少需要 80x24，现在是 %dx%d。请放大窗口。") \
	X(UI_KEYS_IGNORED,  "窗口太小时按的键不起作用，已忽略；放大窗口后再输入。") \
	X(UI_MENU_TITLE,    "主菜单") \
	X(UI_MENU_HINT,     "按方括号中的数字或字母直接打开，或用上下键选择后按回车") \
	X(UI_MENU_FORM,     "%s  填写新记录") \
	X(UI_MENU_LIST,     "%s  记录列表") \
	X(UI_MENU_FORM_CLOSED,"%s  查看（%d 年度已结束，不能再填写）") \
	X(UI_MENU_FORM_AHEAD,"%s  查看（%d 年度还没有开始）") \
	X(UI_MENU_LIST_READ,"%s  查看") \
	X(UI_MENU_QUIT,     "退出") \
	X(UI_PICK_UNIT,     "请选择填报单位") \
	X(UI_UNIT_LINE,     "填报单位：%s") \
	X(UI_NEW_RECORD,    "新记录") \
	X(UI_EDIT_RECORD,   "修改第 %lld 号记录") \
	X(UI_VIEW_RECORD,   "查看第 %lld 号记录") \
	X(UI_SAVED,         "已保存（第 %lld 号记录），本次已录入 %d 份。请填写下一份。") \
	/* what to do first (UI_DUP_AGAIN or C_SAVE_DUP_AGAIN): a warning cut at 80 columns keeps it */ \
	X(UI_DUP_OTHER,     "%s可能与其他单位的记录重复，请与市科协核实。") \
	X(UI_DUP_KNOWN,     "%5$s可能与第 %1$lld 号记录（%2$s，%3$s）重复（%4$s相同），请核实。") \
	X(UI_DUP_CLOSED_DRAFT,"第 %lld 号是 %d 年度（已结束）未提交的草稿。%s") \
	X(UI_DUP_SIMILAR,   "%5$s可能与第 %1$lld 号记录（%2$s，%3$s）重复：%4$s，请核实。") \
	X(UI_DUP_AGAIN,     "再按 F2 仍要保存：") \
	X(UI_DUP_MARKED,    "已保存（第 %lld 号记录），已标记为可能重复，由市科协核实。") \
	X(UI_DUP_NOTE,      "可能重复：%s") \
	X(UI_DUP_ITEM,      "第 %lld 号记录（%s，%s）") \
	X(UI_NO_DITTO,      "本次还没有保存过记录，无法照抄上一份") \
	X(UI_DITTO_DONE,    "「%s」已照抄上一份；按 Tab 到下一项。") \
	X(UI_DITTO_REPLACED,"「%s」已照抄上一份，替换了原来的内容；按 ^Z 恢复，按 Tab 到下一项。") \
	X(UI_HELP_TITLE,    "按键帮助（按任意键返回）") \
	X(UI_HELP_MORE,     "第 %d–%d 行，共 %d 行：↑↓ 或 PgUp/PgDn 翻看，其他键返回") \
	X(UI_HELP_LATER,    "下面的键这里也能用，只是现在还没有可做的：") \
	X(UI_UPDATED,       "已保存对第 %lld 号记录的修改。") \
	X(UI_UNCHANGED,     "没有改动，未保存") \
	X(UI_ASK_LEAVE,     "有未保存的内容，确定放弃并离开吗？(y/n)") \
	X(UI_ASK_LEAVE_CLOSED,"%d 年度已由市科协结束，这份记录现在不能保存。留作草稿并离开吗？(y/n)") \
	X(UI_CLOSED_DRAFT_KEPT,"%d 年度已由市科协结束：您填的内容已留作草稿，重新开放后可在「未保存的草稿」里继续") \
	X(UI_ASK_QUIT,      "退出 kepu？(y/n)") \
	X(UI_ASK_OPEN_YEAR, "开启 %d 年度（从 %d 年度复制附表1任务数和工作进度安排）？(y/n)") \
	X(UI_ASK_CLOSE_YEAR,"结束 %d 年度？结束后各单位不能再新增、修改、提交或导入该年度的记录；市科协仍可认定已提交的记录，排名和报表照常，可再按 x 重新开放 (y/n)") \
	X(UI_ASK_CLOSE_DUE, "结束 %d 年度？结束后各单位就不能再完成这些没到截止日期的事项：%s (y/n)") \
	X(UI_ASK_CLOSE_INSIST,"确定现在就结束 %d 年度，不等上面的截止日期吗？(y 结束 / n 不结束)") \
	X(UI_REOPEN_TITLE,  "%d 年度已结束：重新开放给谁？") \
	X(UI_REOPEN_ALL,    "全部单位：各单位又可以修改 %d 年度的记录") \
	X(UI_REOPEN_ONE,    "只对一个单位（选择单位，写明原因）：其他单位的 %d 年度仍不能修改") \
	X(UI_REOPEN_CLOSE_UNITS,"再结束：收回对 %s 的开放") \
	X(UI_ASK_REOPEN_REASON,"对 %d 年度重新开放给「%s」的原因（Enter 确定，Esc 取消）：") \
	X(UI_REOPEN_CANCELLED,"没有重新开放 %d 年度") \
	X(UI_YEAR_OPEN_TO,  "%d 年度已结束，仍对以下单位开放：%s（按 x 管理）") \
	X(UI_ASK_REOPEN_YEAR,"重新开放 %d 年度？各单位又可以新增、修改、提交和导入该年度的记录。(y/n)") \
	X(UI_QUEUE_EMPTY,   "没有等待市科协审核的记录") \
	X(UI_QUEUE,         "待审核：") \
	X(UI_QUEUE_FORM,    "%s %lld 条") \
	X(UI_QUEUE_KEY,     "（按 r 打开）") \
	X(UI_QUEUE_PICK,    "待审核：打开哪一张表") \
	X(UI_TALLY,         "%s%s %lld") \
	X(UI_TALLY_CARRIED, "往年已认定") \
	X(UI_GL_QUOTA,      "已认定：") \
	X(UI_BACK_TO,       "← %s") \
	X(UI_PREVIOUS,      "上一屏") \
	X(UI_BACK_MENU,     "菜单") \
	X(UI_BACK_LIST,     "列表") \
	X(UI_BACK_DRAFTS,   "草稿") \
	X(UI_BACK_RECORD,   "第 %lld 号") \
	X(UI_BACK_NEW,      "填写") \
	X(UI_ASK_DELETE,    "确定删除第 %lld 号记录「%s」吗？(y/n)") \
	X(UI_DELETED,       "已删除。") \
	X(UI_NO_RECORDS,    "还没有记录。按 F7 或 Ctrl-N 新建。") \
	X(UI_NO_RECORDS_READ,"还没有记录。") \
	X(UI_LIST_TITLE,    "%s：记录列表") \
	X(UI_LIST_COUNT,    "共 %lld 条") \
	X(UI_LIST_FOUND,    "筛选出 %lld 条") \
	X(UI_LIST_FOUND_MANY,"筛选出 %d 多条") \
	X(UI_LIST_FILTER,   "筛选：%s") \
	X(UI_LIST_FILTER_NEW,"筛选：%s（输入新的文字即替换）") \
	X(UI_LIST_HINT,     "输入即筛选：查各文字项（含多行的），不分大小写，或名称的拼音首字母；F6/^R 排序") \
	X(UI_NO_MATCH,      "没有含「%s」的记录。") \
	X(UI_NO_STATE,      "没有「%s」的记录。按 Tab 换一种状态。") \
	X(UI_VIEW_NO_UNIT,  "还没有选择单位：按 F4 或 Ctrl-O 选择。") \
	X(UI_VIEW_EMPTY,    "这个单位还没有记录。") \
	X(UI_UNIT_UNCHOSEN, "未选择") \
	X(UI_CHOICE_NONE,   "（没有匹配的项）") \
	X(UI_CHOICE_FILTER, "筛选：%s") \
	X(UI_UNDONE,        "「%s」已恢复为进入本项时的内容。") \
	X(UI_UNDO_NOTHING,  "「%s」进入本项后没有改动，无需撤销。") \
	X(UI_REPLACED,      "已替换「%s」原来的内容；按 ^Z 恢复。") \
	X(UI_CLEARED,       "已清空「%s」原来的内容；按 ^Z 恢复。") \
	X(UI_CHOICE_SEVERAL,"%s：「%s」可选 %s，请选一个（Enter 选定高亮项）") \
	X(UI_CHOICE_MORE,   " 等 %zu 项") \
	X(UI_CHOICE_UNMATCHED,"%s：%s，没有填入，仍在本项：按退格改，或 Esc 关闭列表") \
	X(UI_REQUIRED_MARK, "*") \
	X(UI_DRAFT_OFFER,   "发现 %s 保存的草稿，恢复吗？(y/n)") \
	X(UI_DRAFT_RESTORED,"已恢复草稿，请检查后保存。") \
	X(UI_DRAFT_FAILED,  "草稿未能保存：%s") \
	X(UI_DRAFTS_TITLE,  "未保存的草稿（%zu 份）") \
	X(UI_DRAFTS_HINT,   "每次中断时未保存的输入各自保留，直到保存或有意放弃") \
	X(UI_DRAFTS_NEW,    "新记录") \
	X(UI_DRAFTS_CLOSED, "（%d 年度已结束）") \
	X(UI_DRAFTS_YEAR_CLOSED,"%d 年度已由市科协结束：这份草稿留着，重新开放后可以继续填写；不要了可按 F8 放弃") \
	X(UI_DRAFTS_RECORD, "第 %lld 号记录") \
	X(UI_DRAFTS_EMPTY,  "（未填任何项）") \
	X(UI_DRAFTS_ASK,    "放弃 %s 的这份草稿？放弃后无法恢复。(y/n)") \
	X(UI_DRAFTS_DROPPED,"已放弃这份草稿。") \
	X(UI_DRAFT_OUTDATED,"第 %lld 号记录%s，未保存的草稿已作废") \
	X(UI_DRAFTS_KEPT,   "草稿保留。") \
	X(UI_DRAFTS_NOT_DROPPED,"这份草稿未能放弃：数据库未能删除它（可能正被占用），草稿仍保留，可稍后再试。") \
	X(UI_CONFLICT_MERGED,"他人刚修改了这条记录（%s），已合并到屏幕上；请检查后按 F2 保存。") \
	X(UI_CONFLICT_BOTH, "您和他人都改了：%s。屏幕上是您的内容，按 F2 以屏幕为准保存。") \
	X(UI_CONFLICT_THEIRS,"他人的内容：%s") \
	X(UI_CONFLICT_GONE, "这条记录已被他人删除。屏幕上是您的内容，按 F2 另存为新记录。") \
	X(UI_FATAL,         "kepu 意外中止（信号 %d），终端已恢复。最后自动保存的草稿在下次登录打开该表时会提示恢复。") \
	X(UI_ENCODING_MISMATCH, "终端使用 %s 编码，而系统语言环境是 %s，输入的汉字会变成乱码。请把 SSH 客户端的字符编码改为一致，或设置 KEPU_TERMINAL_ENCODING=%s。") \
	X(UI_VIEW_COUNT,    "单位：%s  共 %lld 人") \
	X(UI_VIEW_HINT,     "按 Enter 打开这个人的推荐表；F4/^O 换一个单位") \
	X(UI_VIEW_HINT_OWN, "按 Enter 打开这个人的推荐表") \
	X(UI_MENU_VIEW,     "%s  按单位查看") \
	X(UI_MENU_VIEW_OWN, "%s  查看本单位") \
	X(UI_TABLE_HINT,    "上下左右键移动，输入数字或按 Enter 修改，Enter 保存并到下一行") \
	X(UI_TABLE_COUNT,   "%d 个单位") \
	X(UI_CELL_SAVED,    "已保存：%s %s = %s") \
	X(UI_CELL_EDGE_UP,  "；上面没有单位了") \
	X(UI_CELL_EDGE_DOWN,"；下面没有单位了") \
	X(UI_CELL_EDGE_NEXT,"；这是表格的最后一格") \
	X(UI_CELL_EDGE_PREV,"；这是表格的第一格") \
	X(UI_CELL_EDGE_RIGHT,"；右边没有了（Tab 到下一个单位）") \
	X(UI_CELL_EDGE_LEFT,"；左边没有了（Shift-Tab 到上一个单位）") \
	X(UI_CELL_PASTE_ONE,"附表1 一次只能粘贴一格的数；这次粘贴的有 %zu 格，一格也没有填入：请逐格输入，或用导入（主菜单 i）") \
	X(UI_CELL_PASTE_EMPTY,"粘贴的内容是空的，没有填入") \
	X(UI_CELL_PASTE_LONG,"%s %s：最多 %zu 位，粘贴的数更长，没有填入") \
	X(UI_CELL_NEW_ROW,  "；已到「%s」的「%s」") \
	X(UI_CELL_FULL,     "%s %s：最多 %zu 位（可填 %lld 到 %lld），多出的「%s」没有输入") \
	X(UI_CELL_LONG,     "%s %s：最多 %zu 个字，多出的「%s」没有输入") \
	X(UI_REASON_LONG,   "原因最多 %d 个字，多出的「%s」没有输入") \
	X(UI_REASON_KEPT,   "第 %lld 号记录上次没有提交的原因已填入：直接输入会替换它，Enter 用它") \
	X(UI_REASON_LEFT,   "上次退回「%s」第 %lld 号记录时写的原因没有提交：%s；再按 F9 退回这条记录时会自动填入。") \
	X(UI_REASON_LEFT_OLD,"上次退回「%s」第 %lld 号记录时写的原因没有提交：%s；这条记录现在不能再退回（已有人处理），这段原因已作废。") \
	X(UI_REASON_PASTE_LONG,"原因最多 %d 个字，粘贴的 %zu 个字多出 %zu 个，一个字也没有输入") \
	X(UI_REASON_PASTE_LINES,"原因只能写一行：粘贴的文字里有换行或 Tab，一个字也没有输入") \
	X(UI_CELL_CONTROL,  "%s %s：U+%04X 是看不见的控制字符或格式字符，没有输入") \
	X(UI_KEY_CONTROL,   "%s：U+%04X 是看不见的控制字符或格式字符，没有输入") \
	X(UI_TABLE_READ_HINT,"上下左右键移动查看；任务指标由市科协修改") \
	X(UI_MENU_TABLE,    "%s  查看与修改") \
	X(UI_MENU_TABLE_READ,"%s  查看本单位指标（由市科协分配）") \
	X(UI_PREFILLED,     "已按 %s 的活动和资源记录预填 %d 项数字，可以修改。") \
	X(UI_PREFILL_KEPT,  "已按 %s 的活动和资源记录预填 %d 项数字；您已填的%s没有换，请核对是不是 %s 的数字。") \
	X(UI_VALUE_REPORTED,"%s（已填报）") \
	X(UI_VALUE_TAKEN,   "本单位已填报%s为「%s」的记录（第 %lld 号），不能再填一份；请在列表中打开它修改，或另选") \
	X(UI_CK_TITLE,      "工作进度检查表（五、组织实施）") \
	X(UI_CK_MATRIX,     "各单位完成情况  + 按时 ~ 逾期完成 . 未到期 ! 逾期") \
	X(UI_CK_MATRIX_OWN, "本单位完成情况  + 按时 ~ 逾期完成 . 未到期 ! 逾期") \
	X(UI_CK_UNITS,      "完成") \
	X(UI_CK_TICKED,     "（%s 于 %s 勾选）") \
	X(UI_CK_SAVED_AT,   "（%s 保存）") \
	X(UI_CK_BY_DATA,    "这一项按录入的数据自动判断是否完成，不能手工勾选。") \
	X(UI_CK_IN_MATRIX,  "各单位的事项请按 Tab 到「各单位完成情况」中逐个单位勾选。") \
	X(UI_CK_IN_MATRIX_OWN,"本单位的事项请按 Tab 到「本单位完成情况」中勾选。") \
	X(UI_CK_CITY_TICKS, "这一项由市科协确认完成。") \
	X(UI_CK_DONE,       "已勾选为完成：%s") \
	X(UI_CK_UNDONE,     "已取消勾选：%s") \
	X(UI_PROGRESS_TITLE,"任务完成进度与排名（六、绩效考核）") \
	X(UI_PROGRESS_SEQ,  "任务完成进度（按序号）") \
	X(UI_PROGRESS_FAILED,"进度无法读取，请检查数据库") \
	X(UI_BR_SAVED,      "报送") \
	X(UI_BR_COUNT,      "已报 %zu/%zu") \
	X(UI_BR_WIDE,       "；*%s %s 已认定记录的数 [%lld]") \
	X(UI_BR_CHANGED,    "；*%s 报送 %s%s") \
	X(UI_BR_LEGEND,     "+ 按时报送  ~ 逾期  ! 过了截止日未报送  [n] 已认定记录的数  ←→/Tab 换月份") \
	X(UI_BR_TITLE,      "工作简报：%d年%d月（截止 %s）") \
	X(UI_BR_NOT_DUE,    "未到期") \
	X(UI_GL_TODAY,      "今天 %s") \
	X(UI_GL_OVERDUE,    "已逾期 %d 项") \
	X(UI_GL_DUE,        "%d月%d日") \
	X(UI_GL_NOTHING_OPEN,"没有未到期的事项。") \
	X(UI_GL_OVERDUE_NAMED,"已逾期：") \
	X(UI_GL_OVERDUE_MORE,"%s等，另有 %d 项") \
	X(UI_GL_RETURNED,   "退回：%s 第 %lld 号「%s」，原因：%s") \
	X(UI_GL_RETURNED_MORE,"另有 %lld 条退回的记录，见记录列表（Tab 可只看「退回」）。") \
	X(UI_GL_SCORE,      "%s完成度 %.1f%%") \
	X(UI_GL_SCORE_EXEMPT,"%s完成度 免（各项指标均为 0，不参加排名）") \
	X(UI_GL_ALL,        "全市") \
	X(UI_GL_RANK,       "，第 %d 名/%d") \
	X(UI_GL_RANK_TIED,  "，并列第 %d 名/%d") \
	X(UI_MENU_CHECKLIST,"工作进度检查表（截止日期与各单位完成情况）") \
	X(UI_MENU_CHECKLIST_OWN,"工作进度检查表（截止日期与本单位完成情况）") \
	X(UI_MENU_PROGRESS, "任务完成进度与排名") \
	X(UI_MENU_BRIEFING, "月度工作简报（汇总各单位月报）") \
	X(UI_MENU_RECORD,   "%s  本单位填写") \
	X(UI_MENU_RECORD_CLOSED,"%s  查看本单位（%d 年度已结束）") \
	X(UI_MENU_RECORD_AHEAD,"%s  查看本单位（%d 年度还没有开始）") \
	X(UI_MENU_RECORD_ANY,"%s  选择单位填写") \
	X(UI_TERM_UNKNOWN,  "本机不认识终端类型 TERM=%s，无法显示填报画面。请在 SSH 客户端里把终端类型设为 xterm（PuTTY：Connection → Data → Terminal-type string；Xshell：终端 → 终端类型；SecureCRT：仿真 → 终端），或在登录后输入 TERM=xterm kepu") \
	X(UI_TERM_UNSET,    "没有设置终端类型（TERM）或它的值不是终端类型名，无法显示填报画面。请在 SSH 客户端里把终端类型设为 xterm，或在登录后输入 TERM=xterm kepu") \
	X(UI_LOGIN_TITLE,   "请登录") \
	X(UI_LOGIN_CLEARED, "已清空输入的用户名和密码；再按 Esc 退出 kepu") \
	X(UI_LOGIN_NEW_TITLE,"请设置新密码（至少 8 个字符，不能与原密码相同）") \
	X(UI_LOGIN_NAME,    "用户名") \
	X(UI_LOGIN_PASSWORD,"密码") \
	X(UI_LOGIN_NEW,     "新密码") \
	X(UI_LOGIN_AGAIN,   "再输入一次") \
	X(UI_LOGIN_HIDDEN,  "（输入时不显示）") \
	X(UI_LOGIN_HINT,    "账号由市科协分配；忘记密码请联系市科协重置") \
	X(UI_LOGIN_NEW_HINT,"新密码只有您自己知道；以后登录都用新密码") \
	X(UI_LOGIN_BAD,     "用户名或密码不正确。") \
	X(A_ATTACK,         "注意：账号「%s」正被人猜密码（%d 分钟内 %d 个地址失败 %d 次）；错误的密码已放慢回答，账号没有锁定。") \
	X(A_ATTACK_MORE,    "注意：%zu 个账号正被人猜密码，最多的是「%s」（%d 分钟内 %d 个地址失败 %d 次）；错误的密码已放慢回答，账号没有锁定。") \
	X(A_ATTACK_ALSO,    "另有 %zu 个不存在的用户名被人试过（这些名字是试的人自己写的，不显示）。") \
	X(A_ATTACK_UNKNOWN, "注意：有人用 %zu 个不存在的用户名试登录（最多的一个 %d 分钟内 %d 个地址失败 %d 次；这些名字是试的人自己写的，不显示）；错误的密码已放慢回答。") \
	X(UI_LOGIN_WAIT,    "登录失败次数过多，请等 %ld 秒后再试。") \
	X(UI_LOGIN_LOCKED,  "这个账号已被市科协锁定，暂时不能登录。请联系市科协解锁。") \
	X(UI_LOGIN_MUST_CHANGE,"这是初始密码：请先设置您自己的新密码。") \
	X(UI_LOGIN_MISMATCH,"两次输入的新密码不一致，请重新输入。") \
	X(UI_LOGIN_CHANGED, "密码已修改。") \
	X(UI_LOGIN_CURRENT_TITLE,"修改密码：请先输入现在的密码") \
	X(UI_LOGIN_CURRENT, "现在的密码") \
	X(UI_LOGIN_CURRENT_HINT,"先确认是您本人：输入现在的密码，再设置新密码") \
	X(UI_LOGIN_CURRENT_BAD,"现在的密码不正确，密码没有修改。") \
	X(UI_COL_STATE,     "状态") \
	X(UI_LIST_STATE,    "只看「%s」的记录（Tab 换一种状态）") \
	X(UI_ASK_REASON,    "%s的原因（Enter 确定，Esc 取消）：") \
	X(UI_READ_ONLY,     "这条记录「%s」，不能修改。") \
	X(UI_YEAR_CLOSED_READ,"%d 年度已由市科协结束，只能查看，不能修改；要在别的年度填写，回主菜单按 y 换年度；如需更正，请联系市科协。") \
	X(UI_NOT_REVIEWED,  "「%s」不经审核，没有提交或认定。") \
	X(UI_REVIEW_SAVE_FIRST, "这是新记录：先按 F2 保存，再按 F9。") \
	X(UI_REVIEW_UNSAVED, "还有没保存的修改：先按 F2 保存（或 ^Z 撤回修改），再按 F9。") \
	X(UI_NO_REVIEW,     "这条记录「%s」，您现在没有可做的审核操作。") \
	X(UI_REVIEWED,      "第 %lld 号记录已改为「%s」。") \
	X(UI_REVIEW_MANY,   "提交（已选 %zu 条）") \
	X(UI_REVIEW_ONE,    "审核第 %lld 号记录%s「%s」") \
	X(UI_SUBMIT_ONE,    "提交第 %lld 号记录%s「%s」") \
	X(UI_WITHDRAW_ONE,  "撤回第 %lld 号记录%s「%s」") \
	X(UI_REVIEW_DUP,    "（可能重复：第 %lld") \
	X(UI_DUP_CONFIRM,   "第 %lld 号记录可能与第 %s 号重复：核实后仍要认定请按 y，n 或 Esc 不认定") \
	X(UI_TWIN_CONFIRM,  "第 %lld 号记录：%s。核实后仍要认定请按 y，n 或 Esc 不认定") \
	X(UI_DUP_NOT_APPROVED, "第 %lld 号记录没有认定（可能重复，请先核实）") \
	X(UI_REVIEW_DUP_END," 号，请先核实）") \
	X(UI_NONE_TO_SUBMIT,"已选的记录中没有您可以提交审核的。") \
	X(UI_SUBMITTED_MANY,"已提交审核 %zu 条。") \
	X(UI_NOT_SUBMITTED, "%zu 条未提交：%s") \
	X(UI_NOT_SUBMITTED_ONE,"第 %lld 号（%s）") \
	X(UI_LIST_MARKED,   "已选 %zu 条，F9 一并提交审核，F5 一并移到其他年度；空格选中或取消并移到下一条") \
	X(UI_LIST_MARKED_SUBMIT,"已选 %zu 条，F9 一并提交审核；空格选中或取消并移到下一条") \
	X(UI_LIST_MARKED_MOVE,"已选 %zu 条，F5 一并移到其他年度；空格选中或取消并移到下一条") \
	X(UI_LIST_MARKED_ONLY,"已选 %zu 条；空格选中或取消并移到下一条") \
	X(UI_OWN_UNIT_ONLY, "单位账号只能查看本单位的记录。") \
	X(UI_EV_TITLE,      "附件：%s 第 %lld 号记录") \
	X(UI_EV_HINT,       "只收 JPEG、PNG、PDF、MP4、DOCX、XLSX，每个至多 %d MiB，至多 %d 个") \
	X(UI_EV_NAME,       "文件名") \
	X(UI_EV_TYPE,       "类型") \
	X(UI_EV_SIZE,       "大小") \
	X(UI_EV_BY,         "发送人") \
	X(UI_EV_AT,         "时间") \
	X(UI_EV_NONE,       "这条记录还没有附件。按 F5 从本机发送（ZMODEM），或按 F6 从交换文件夹添加。") \
	X(UI_EV_NO_FOLDER,  "这个会话没有交换文件夹（没有登录的账号），不能从交换文件夹添加或存入附件") \
	X(UI_EV_PICK,       "从交换文件夹添加附件（输入文字筛选）") \
	X(UI_EV_FOLDER_EMPTY,"交换文件夹中没有可以添加的文件：请先用 pscp、psftp 或 WinSCP 把文件复制到 %s，再按 F6") \
	X(UI_EV_PUT,        "已把附件「%s」存入交换文件夹，文件名「%s」：用 pscp、psftp 或 WinSCP 从 %s 取回") \
	X(UI_EV_ADDED,      "已添加附件「%s」（%s，%s）。") \
	X(UI_EV_DELETED,    "已删除附件「%s」。") \
	X(UI_EV_ASK_DELETE, "删除附件「%s」吗？(y/n)") \
	X(UI_EV_LOCKED,     "这条记录「%s」，不能添加或删除附件。") \
	X(UI_EV_NO_SZ,      "服务器上没有安装 lrzsz，不能下载附件。") \
	X(UI_EV_SEND_FAILED,"下载没有完成（终端不支持 ZMODEM？）。") \
	X(UI_EV_SEND_CANCELLED,"下载已取消（连按了五次 Ctrl-X，或终端取消了接收）。") \
	X(UI_REF_NONE,      "本单位在「%s」中没有%s的记录可选") \
	X(UI_EV_COUNT,      "，附件 %zu 个") \
	X(UI_EV_NOT_HERE,   "「%s」的记录不带附件。") \
	X(UI_EV_SAVE_FIRST, "请先按 F2 保存这条记录，再添加附件。") \
	X(UI_NO_SUCH_RECORD,"没有第 %lld 号记录。") \
	X(UI_CITY_WRITES,   "「%s」由市科协填写。") \
	X(UI_PASTED,        "已粘贴 %zu 项，其中 %zu 项有误，第一处在「%s」（按 F2 到那里改正；^Z 撤销这次粘贴）。") \
	X(UI_PASTED_OK,     "已粘贴 %zu 项。") \
	X(UI_PASTED_REPLACED,"已粘贴 %zu 项，其中 %zu 项替换了原来的内容（第一处「%s」）；按 ^Z 撤销这次粘贴。") \
	X(UI_PASTE_UNDONE,  "已撤销这次粘贴：%zu 项恢复为粘贴前的内容。") \
	X(UI_PASTE_TEXT_REPLACED,"已粘贴 %zu 个字，替换了「%s」原来的内容；按 ^Z 恢复。") \
	X(UI_PASTE_TEXT_INSERTED,"已在「%s」的光标处插入粘贴的 %zu 个字，原来的内容保留；按 ^Z 恢复。") \
	X(UI_PASTE_KEY_REFUSED,"%s：%s；粘贴的内容一个字也没有填入。") \
	X(UI_PASTE_NO_END,  "粘贴没有结束：%d 秒内没有收到终端的粘贴结束标记，一项也没有填入；请再粘贴一次。") \
	X(UI_PASTE_BAD_TEXT,"粘贴的内容从第 %zu 个字节起不是终端所用编码的文字，一项也没有填入；请检查终端的字符编码（UTF-8 或 GBK）。") \
	X(UI_PASTE_NUL,     "粘贴的内容第 %zu 个字是 NUL 字节（空字符），一项也没有填入；请复制不含它的文字。") \
	X(UI_PASTE_ESC,     "粘贴的内容第 %zu 个字起含有终端控制序列（ESC），一项也没有填入；请只复制文字。") \
	X(UI_PASTE_CONTROL, "粘贴的内容第 %zu 个字是看不见的控制字符或格式字符（U+%04X），一项也没有填入；请只复制文字。") \
	X(UI_PASTE_TOO_SLOW,"粘贴超过 %d 秒还没有传完，一项也没有填入；请一次复制少一些再粘贴。") \
	X(UI_PASTE_TOO_LONG,"粘贴的内容超过 %zu 字节，一项也没有填入；请一次复制一行（一条记录）再粘贴。") \
	X(UI_LAST_FIELD,    "已是最后一项：F2/^S 保存。") \
	X(UI_MULTI_FOUND,   "%s：光标在「%s」上，按空格%s；左右键移动。") \
	X(UI_MULTI_TICK,    "勾选") \
	X(UI_MULTI_UNTICK,  "取消勾选") \
	X(UI_SAVE_IN_PICK,  "列表还开着：先按 Enter 选定一项（或 Esc 关闭列表），再按 F2 保存。") \
	X(UI_MULTI_NOT_TICKED,"%s：光标在「%s」上，还没有勾选；按空格勾选，或再按 Tab 离开。") \
	X(UI_MULTI_NONE,    "%s：没有和「%s」相符的选项；用空格勾选，左右键移动。") \
	X(UI_TAB_ABSORBED,  "光标已自动跳到「%s」，这一下%s没有再往下跳。") \
	X(UI_FULL_EXTRA,    "%s已经填满，光标已跳到下一项；多按的「%s」没有填进「%s」（确要以它开头，请再按一次）。") \
	X(UI_FIRST_FIELD,   "已是第一项。") \
	X(UI_PASTE_ROWS,    "粘贴的内容有 %zu 行；表单一次只能粘贴一行（多行请用导入），一项也没有填入。") \
	X(UI_PASTE_NOT_YOURS,"第 %zu 格「%s」落在「%s」（%s），没有填入。") \
	X(UI_PASTE_NOT_YOURS_MORE,"另有 %zu 格同样没有填入。") \
	X(UI_PASTE_CITY,    "由市科协填写") \
	X(UI_PASTE_UNIT,    "由填报单位填写") \
	X(UI_PASTE_TEXT_OK, "已粘贴 %zu 个字。") \
	X(UI_TEXT_FULL,     "%s：最多 %zu 个字，多出的 %zu 个没有输入") \
	X(UI_PASTE_BURST_LONG,"%s：最多 %zu 个字，粘贴的 %zu 个字多出 %zu 个，一个字也没有输入（原来的内容不变）") \
	X(UI_PASTE_TEXT_LONG,"粘贴的文字有 %zu 个字，「%s」最多 %zu 个字（还能填 %zu 个）；一个字也没有填入。") \
	X(UI_PASTE_WIDE,    "粘贴的一行有 %zu 项，从「%s」到最后只有 %zu 项；一项也没有填入。整行（本表 %zu 项）从哪一项粘贴都从第一项填起。") \
	X(UI_CITY_FIELD_READ,"「%s」是市科协的意见，由市科协填写，这里只能查看。") \
	X(UI_UNIT_WRITES,   "「%s」由填报单位填写。") \
	X(UI_QUOTA_CITY,    "任务指标由市科协修改。") \
	X(UI_RETURNED_WHY,  "退回原因：%s") \
	X(UI_MENU_AUDIT,    "修改记录（审计）") \
	X(UI_MENU_FIND,     "专家检索（科普快速反应）") \
	X(UI_FD_PROMPT,     "检索：") \
	X(UI_FD_HINT,       "输入科普专长、行业、服务类别、单位等词语或拼音首字母，如 食品安全、spaq；空格分隔多个词") \
	X(UI_FD_COUNT,      "找到 %zu 人／共 %zu 人") \
	X(UI_FD_NONE,       "没有找到符合的人才。") \
	X(UI_FD_DETAIL,     "%s（%s）  电话 %s") \
	X(UI_MENU_PASSWORD, "修改密码（%s）") \
	X(UI_MENU_ADVANCE_ON, "输入习惯：填满的项自动跳到下一项（现在：开；回车改为关）") \
	X(UI_MENU_ADVANCE_OFF, "输入习惯：填满的项自动跳到下一项（现在：关；回车改为开）") \
	X(UI_ADVANCE_NOW_ON, "已打开：手机号等填满后自动跳到下一项（紧接着按的 Tab 不会跳过下一项）。") \
	X(UI_ADVANCE_NOW_OFF, "已关闭：每一项填完后按 Tab 或回车到下一项。") \
	X(UI_MENU_ACCOUNTS, "账号管理（锁定、解锁、重置密码）") \
	X(UI_AC_HINT,       "近期失败：15 分钟内连续输错的次数；输错 5 次起须等待，最长 60 秒；不锁账号") \
	X(UI_AC_ROLE,       "角色") \
	X(UI_AC_STATE,      "状态") \
	X(UI_AC_FAILURES,   "近期失败") \
	X(UI_AC_WAIT,       "须等待") \
	X(UI_AC_SECONDS,    "%ld 秒") \
	X(UI_AC_LOCKED,     "已锁定账号 %s：它不能登录，直到解锁。") \
	X(UI_AC_UNLOCKED,   "已解锁账号 %s，这个账号名的登录等待也已清除。") \
	X(UI_AC_SELF,       "不能锁定自己正在使用的账号。") \
	X(UI_AC_RESET,      "已重置账号 %s 的密码。新的初始密码只显示这一次，请记下并转告本人（首次登录时须修改）：") \
	X(UI_AC_ASK_RESET,  "确定重置账号 %s 的密码吗？原密码将作废。按 y 重置，按 n 不重置。") \
	X(UI_AC_NOT_RESET,  "没有重置密码。") \
	X(UI_AC_NOTED,      "记下后按任意键继续。") \
	X(UI_YEAR_ITEM,     "%d 年度") \
	X(UI_YEAR_MOVE_TITLE,"「%s」移到哪个年度") \
	X(UI_YEAR_MOVE_MANY,"已选 %zu 条移到哪个年度") \
	X(UI_ASK_MOVE_YEAR, "确定把「%s」这条记录移到 %d 年度吗？(y/n)") \
	X(UI_ASK_MOVE_MANY, "确定把已选的 %zu 条记录移到 %d 年度吗？(y/n)") \
	X(UI_MOVED_MANY,    "已移到 %d 年度 %zu 条。") \
	X(UI_NOT_MOVED,     "%zu 条未移：%s") \
	X(UI_NO_OTHER_YEAR, "只开启了 %d 年度，没有别的年度可换") \
	X(UI_NO_BEGUN_YEAR, "没有可换去的年度：%d 年度之外开启的年度还没有开始，单位不能把记录换进去") \
	X(UI_AU_YEAR,       "年度") \
	X(AU_MOVE_YEAR,     "换年度") \
	X(AU_CLOSED_YEAR,   "写入已结束的年度") \
	X(AU_CLOSED_YEAR_AS,"%d 年度已由市科协结束；以%s身份写入") \
	X(AU_AS_ADMIN,      "管理员") \
	X(UI_AU_AT,         "时间") \
	X(UI_AU_USER,       "用户") \
	X(UI_AU_WHAT,       "操作") \
	X(UI_AU_CHANGES,    "改动（原值 → 新值）") \
	X(UI_AU_CHANGES_OF, "%s 第 %lld 号记录的改动（原值 → 新值）") \
	X(UI_AU_CHANGE,     "%s：%s → %s") \
	X(UI_AU_STATE,      "审核状态") \
	X(UI_AU_REASON,     "退回原因") \
	X(UI_AU_DUP,        "可能重复") \
	X(UI_AU_DUP_MARKED, "已标记，由市科协核实") \
	X(UI_AU_TICK,       "事项") \
	X(UI_AU_EMPTY,      "（空）") \
	X(UI_AU_ADDRESS,    "登录地址") \
	X(UI_AU_WHY,        "原因") \
	X(UI_AU_FROM_YEAR,  "复制自年度") \
	X(UI_AU_UNITS,      "仍开放的单位") \
	X(UI_AU_NONE,       "没有符合条件的记录。") \
	X(UI_AU_MORE,       "↓ 还有更早的记录（↓ 或 PgDn 载入）") \
	X(UI_AU_LINES_BELOW,"↓ 改动还有 %zu 行（按 %s 往下看）") \
	X(UI_AU_LINES_ABOVE,"↑ 上面还有 %zu 行（按 %s 往上看）") \
	X(UI_AU_HINT,       "输入文字筛选：用户、单位、表名（附表2）、编号、日期、改动内容，空格隔开") \
	X(AU_INSERT,        "新增") \
	X(AU_UPDATE,        "修改") \
	X(AU_IMPORT,        "导入") \
	X(AU_ROWS,          "条数") \
	X(AU_IDS,           "编号") \
	X(AU_FILE,          "文件") \
	X(AU_CHAIN_START,   "审计链启用") \
	X(AU_ACCEPT,        "认可外部修改") \
	X(AU_ACCEPT_CHAIN,  "认可审计链缺口") \
	X(AU_GUARD_RESTORED, "重建审计保护") \
	X(AU_SEALED,        "审计链启用：按现状封存的记录数") \
	X(AU_GUARD,         "审计表的保护触发器") \
	X(AU_RESTORED,      "曾在 kepu 之外被删除，已重建") \
	X(AU_UNSEALED,      "（整条记录，未经 kepu 写入）") \
	X(AU_OUTSIDE,       "在 kepu 之外被修改，按现值认可") \
	X(AU_REASON,        "理由") \
	X(AU_CHAIN_BATCH,   "导入的记录的封存与审计记录不符") \
	X(AU_CHAIN_CHANGED, "审计记录被改动或调换") \
	X(AU_CHAIN_MISSING, "审计记录缺失") \
	X(AU_CHAIN_TRUNCATED, "审计链末尾被截去") \
	X(AU_DELETE,        "删除") \
	X(AU_LOGIN,         "登录") \
	X(AU_LOGIN_FAILED,  "登录失败") \
	X(AU_UNKNOWN_ACCOUNT, "（未知账号）") \
	X(AU_TYPED_NAME,    "输入的用户名") \
	X(AU_PASSWORD,      "修改密码") \
	X(AU_RESET,         "重置密码") \
	X(AU_USER_ADD,      "新建账号") \
	X(AU_USER_DISABLE,  "停用账号") \
	X(AU_USER_LOCK,     "锁定账号") \
	X(AU_USER_UNLOCK,   "解锁账号") \
	X(AU_TICK,          "勾选完成") \
	X(AU_AUTO_ON,       "开启自动跳到下一项") \
	X(AU_AUTO_OFF,      "关闭自动跳到下一项") \
	X(AU_ATTACH,        "添加附件") \
	X(AU_DETACH,        "删除附件") \
	X(AU_YEAR_OPEN,     "开启新年度") \
	X(AU_YEAR_CLOSE,    "结束年度") \
	X(AU_YEAR_REOPEN,   "重新开放年度") \
	X(AU_YEAR_REOPEN_UNIT,"对一个单位重新开放年度") \
	X(AU_YEAR_CLOSE_UNIT,"结束对一个单位的开放") \
	X(AU_UNAPPROVE,     "撤销认定") \
	X(AU_PASSWORD_FAILED,"改密码失败") \
	X(AU_UNTICK,        "取消勾选") \
	X(UI_MENU_EXPORT,   "导出数据（CSV 或 Excel 文件，放进交换文件夹或发送到本机）") \
	X(UI_MENU_IMPORT,   "导入数据（CSV 或 Excel 文件，从交换文件夹或本机）") \
	X(UI_TR_PICK,       "选择要导出的表") \
	X(UI_TR_PICK_IN,    "选择要导入的表") \
	X(UI_TR_FORM,       "表：%s") \
	X(UI_TR_FORM_STATE, "表：%s（只导出「%s」的记录；Tab 换一种状态）") \
	X(UI_TR_FORM_ALL,   "表：%s（全部记录；Tab 只导出一种状态，如已认定）") \
	X(UI_TR_FOLDER,     "交换文件夹：%s") \
	X(UI_TR_FILE,       "文件名") \
	X(UI_TR_EXPORT_HINT,"只写文件名；.xlsx 写成 Excel 正式表格，其他写 CSV；已有的文件不会被覆盖") \
	X(UI_TR_IMPORT_HINT,"↑↓ 选文件或写文件名，F5 从本机发送；先检查全部内容，没有错误才导入") \
	X(UI_TR_FILES,      "交换文件夹中的文件（↑↓ 选择）：") \
	X(UI_TR_NO_FILES,   "交换文件夹中还没有文件；可以按 F5（或 Ctrl-Y）从本机发送（ZMODEM）。") \
	X(UI_TR_EXPORTED,   "已导出「%s」到交换文件夹：") \
	X(UI_TR_EXPORT_FIRST,"请先按 Enter 导出，再按 F5（或 Ctrl-Y）发送到本机。") \
	X(UI_TR_SZ,         "按 F5（或 Ctrl-Y）发送到本机（ZMODEM：Xshell、SecureCRT 等会自动接收）。") \
	X(UI_TR_SFTP,       "文件留在交换文件夹中，也可以用 SFTP 取回，或请管理员取回。按 Esc 返回。") \
	X(UI_TR_SAME_HINT,  "重复的记录：按 F6（^R）改为用文件中的内容更新已有的记录（已认定的不改）") \
	X(UI_TR_REPORT_PAST,"……另有 %lld 行没有列出（最多列出 %d 行）：请先改正上面列出的，再导入") \
	X(UI_TR_NO_TEMP,    "不能建立临时文件（%s），没有导入；请通知管理员") \
	X(UI_TR_SIMILAR,    "可能是同一人的行没有导入；确是不同的人，请在表单中录入（提醒后再按 F2，将标记给市科协核实）") \
	X(UI_TR_NEAR,       "与本单位记录相近（同一天同一地点，或编号、写法不同）的行没有导入；确是不同的记录，请在表单中录入（提醒后再按 F2，将标记给市科协核实）") \
	X(UI_TR_SAME_UPDATE,"重复的记录将被更新（已认定的不改）；按 F6（^R）改回不导入") \
	X(UI_TR_CHECKED,    "检查完毕：检查了 %d 条，可以导入 %d 条，还没有保存。按 Enter 导入，Esc 换一个文件。") \
	X(UI_TR_CHECKED_UPD,"检查完毕：检查了 %d 条，将新增 %d 条、将更新 %d 条，还没有保存。按 Enter 导入，Esc 换一个文件。") \
	X(UI_TR_CHECKED_NONE,"检查完毕：检查了 %d 条，没有要导入的记录，什么也没有保存。按 Esc 换一个文件。") \
	X(UI_TR_NOTHING,    "这个文件没有要导入的记录；按 Esc 换一个文件。") \
	X(UI_TR_DONE_KEYS,  "按 Esc 或写别的文件名，再导入一个文件；在文件列表上再按 Esc 返回主菜单。") \
	X(UI_TR_PICK_HINT,  "↑↓ 选表，Enter 确定；可输入表名或拼音首字母筛选；Esc 返回") \
	X(UI_TR_CHECKED_HINT,"Enter 导入检查过的内容；Esc 回到选文件") \
	X(UI_TR_DONE_HINT,  "Esc 回到选文件，在那里再按 Esc 返回主菜单") \
	X(UI_MORE_BELOW,    "↓ 还有 %zu 项") \
	X(UI_ROWS_BELOW,    "↓ 还有 %zu 行") \
	X(UI_ROWS_ABOVE,    "↑ 上面还有 %zu 行") \
	X(UI_MORE_ABOVE,    "↑ 上面还有 %zu 项") \
	X(UI_MORE_BELOW_MANY,"↓ 还有 %zu 多项") \
	X(UI_MORE_ABOVE_MANY,"↑ 上面还有 %zu 多项") \
	X(UI_TR_PROGRESS,   "正在导入：已读 %lld 行") \
	X(UI_TR_SENT,       "已发送 %s。") \
	/* the file's name on a line of its own: never broken inside (附表 / 2-魏都区-…) */ \
	X(UI_TR_SEND_FAILED,"发送没有完成（终端不支持 ZMODEM？）。文件仍在交换文件夹中：\n%s") \
	X(UI_TR_SEND_CANCELLED,"发送已取消（连按了五次 Ctrl-X，或终端取消了接收）。文件仍在交换文件夹中：\n%s") \
	X(UI_TR_SZ_START,   "kepu 在等待终端接收（ZMODEM）：终端没有弹出保存窗口时，连按五次 Ctrl-X 取消。") \
	X(UI_TR_NO_SZ,      "服务器上没有安装 lrzsz，不能直接发送；文件在交换文件夹中，请用 SFTP 取回，或请管理员取回。") \
	X(UI_TR_NO_RZ,      "服务器上没有安装 lrzsz，不能从本机接收；请用 SFTP 把文件放进交换文件夹，或交给管理员放进去。") \
	X(UI_TR_RZ_START,   "kepu 正在等待本机发送一个文件（ZMODEM）：请在终端弹出的窗口中选择文件（最大 %d MiB）。终端没有弹出窗口时，连按五次 Ctrl-X 取消。") \
	X(UI_TR_RECEIVED,   "已从本机收到「%s」（%lld 字节）。") \
	X(UI_TR_FROM_PC,    "从本机收到的 %s") \
	X(UI_COL_ID,        "编号") \
	X(UI_COL_SEQ,       "序号") \
	X(UI_COL_UNIT,      "填报单位") \
	/* the key bar: what each key does on the current screen */ \
	X(K_PICK,           "选定") \
	X(K_CANCEL,         "取消") \
	X(K_SAVE_NEXT_CELL, "保存并到下一格（可到下一个单位）") \
	X(K_SAVE_PREV_CELL, "保存并到上一格（可到上一个单位）") \
	X(K_SAVE_RIGHT_CELL,"保存并右移（到行尾为止）") \
	X(K_SAVE_LEFT_CELL, "保存并左移（到行首为止）") \
	X(K_SAVE_UP_CELL,   "保存并上移") \
	X(K_SAVE_DOWN_CELL, "保存并下移") \
	X(K_SAVE,           "保存") \
	X(K_LEAVE,          "离开") \
	X(K_LIST,           "列表") \
	X(K_NEXT,           "下一项") \
	X(K_PREV,           "上一项") \
	X(K_OPTIONS,        "选项") \
	X(K_TICK,           "勾选") \
	X(K_NEWLINE,        "换行") \
	X(K_OPEN,           "打开") \
	X(K_NEW,            "新建") \
	X(K_DELETE,         "删除") \
	X(K_PAGE_DOWN,      "下一页") \
	X(K_CHANGES_DOWN,   "看下面的改动") \
	X(K_CHANGES_UP,     "看上面的改动") \
	X(K_PAGE_UP,        "上一页") \
	X(K_BACK,           "返回") \
	X(K_CLEAR_BACK,     "清空检索词；已空时返回") \
	X(K_CLEAR_FILTER,   "清空") \
	X(K_QUIT,           "退出") \
	X(K_YES,            "是") \
	X(K_NO,             "否") \
	X(K_LEFT_RIGHT,     "在选项间移动") \
	X(K_CURSOR,         "移动光标") \
	X(K_LINE_START,     "到行首") \
	X(K_LINE_END,       "到行尾") \
	X(K_UP,             "上移") \
	X(K_DOWN,           "下移") \
	X(K_ERASE,          "删除一个字") \
	X(K_KILL,           "删除到行尾") \
	X(K_ABSORBED,       "不动（光标已自动跳到本项）") \
	X(K_CLEAR_CHOICE,   "清除选择") \
	X(K_EDIT,           "修改") \
	X(K_DITTO,          "同上：照抄上一份的这一项") \
	X(K_UNDO,           "撤销：本项恢复为进入本项时的内容；刚粘贴的一行整行撤销") \
	X(K_HELP,           "帮助") \
	X(K_UNIT,           "换单位") \
	X(K_SORT,           "排序") \
	X(K_FIRST,          "第一条") \
	X(K_LAST,           "最后一条") \
	X(K_REDRAW,         "重画屏幕") \
	X(K_MOVE_YEAR,      "移到其他年度") \
	X(K_LOGIN,          "确定") \
	X(K_OK,             "确定") \
	X(K_REVIEW,         "审核") \
	X(K_SUBMIT,         "提交") \
	X(K_WITHDRAW,       "撤回") \
	X(K_MARK,           "选中或取消，并移到下一条（再按 F9 一并提交审核）") \
	X(K_MARK_CITY,      "选中或取消，并移到下一条（选中的记录可一并移到其他年度时，本页列出那个键）") \
	X(K_START,          "开始") \
	X(K_UPDATE_SAME,    "重复更新/跳过") \
	X(K_SEND,           "发送到本机（ZMODEM）") \
	X(K_FILES,          "附件") \
	X(K_ATTACH,         "上传") \
	X(K_DOWNLOAD,       "下载") \
	X(K_DETACH,         "删除") \
	X(K_FOLDER_IN,      "从文件夹添加") \
	X(K_FOLDER_OUT,     "存入文件夹") \
	X(K_RECEIVE,        "从本机接收") \
	X(K_CHOOSE_FILE,    "选交换文件夹中的文件；结果较长时上下滚动") \
	X(K_RESULT_PAGE,    "翻看") \
	X(K_HOME_RESULT,    "到行首；结果较长时到结果的第一行") \
	X(K_END_RESULT,     "到行尾；结果较长时到结果的最后一行") \
	X(K_STATE_FILTER,   "按审核状态筛选") \
	X(K_TICK_ITEM,      "勾选完成/取消") \
	X(K_SWITCH_VIEW,    "换视图") \
	X(K_NEXT_MONTH,     "下个月") \
	X(K_COLUMN,         "换列/换月份") \
	X(K_COLS_LEFT,      "看左边被挡住的列（编号和名称不动）") \
	X(K_COLS_RIGHT,     "看右边被挡住的列（编号和名称不动）") \
	X(K_LOCK,           "锁定/解锁") \
	X(K_RESET,          "重置密码") \
	X(K_DRAFT_OPEN,     "打开继续填写") \
	X(K_DRAFT_DROP,     "放弃这份草稿") \
	X(K_DRAFT_LATER,    "以后再说（草稿保留）") \
	/* the contexts keys apply in (docs/keys.md) */ \
	X(KC_MENU,          "主菜单") \
	X(KC_FORM,          "表单（任何字段）") \
	X(KC_TEXT,          "单行文字字段") \
	X(KC_TEXTAREA,      "多行文字字段") \
	X(KC_CHOICE,        "单选字段") \
	X(KC_MULTI,         "多选字段") \
	X(KC_LIST,          "记录列表") \
	X(KC_POPUP,         "选项列表（弹出）") \
	X(KC_CONFIRM,       "确认提问 (y/n)") \
	X(KC_TABLE,         "表格（如附表1）") \
	X(KC_CELL,          "修改表格中的一格") \
	X(KC_VIEW,          "汇总表（如附表4）") \
	X(KC_CHECKLIST,     "工作进度检查表") \
	X(KC_REPORT,        "任务完成进度与排名") \
	X(KC_BRIEFING,      "月度工作简报") \
	X(KC_DRAFTS,        "登录时的未保存草稿") \
	X(KC_REASON,        "输入退回或重新打开的原因") \
	X(KC_FILTERED,      "记录列表（已输入筛选文字时）") \
	X(KC_PASSWORD,      "修改密码（从主菜单打开时）") \
	X(KC_TABLE_READ,    "只能查看的表格（单位账号的附表1）") \
	X(KC_LOGIN,         "登录与修改密码") \
	X(KC_AUDIT,         "修改记录（审计）") \
	X(KC_TRANSFER,      "导出数据") \
	X(KC_ACCOUNTS,      "账号管理") \
	X(KC_IMPORT,        "导入数据") \
	X(KC_ADVANCED,      "填满或选定后自动跳到下一项，紧接着的第一个键") \
	X(KC_FIND,          "专家检索") \
	X(KC_FILES,         "附件") \
	X(KC_TITLE,         "kepu 按键一览") \
	X(KC_INTRO,         "本文件由 `kepu keys` 根据程序中唯一的按键表生成，请勿手工修改。每个 F 键都有对应的 Ctrl 键（^S 即 Ctrl-S），因为有些 SSH 客户端会拦截 F 键，TERM=vt100 也没有 F5–F10（这时屏幕最下面一行的按键提示只列出 F1–F4 和其他键）。") \
	X(KC_KEYS,          "按键") \
	X(KC_ACTION,        "作用") \
	X(KC_CITY,          "（市科协）") \
	X(KC_UNIT,          "（单位）") \
	X(KC_UNIT_WITHDRAW, "（单位，已提交的记录）") \
	/* command line */ \
	X(C_ROW_ERROR,      "%s %s: %s") \
	X(C_ROW_NOTE,       "%s: %s") \
	X(C_PLACE_ROW,      "第%d行") \
	X(C_PLACE_CELL,     "第%d行 %s列") \
	X(C_DUP_COLUMN,     "第%d行 %s列 %s: 列重复") \
	X(C_IGNORED_COLUMNS,"注意：第%d行（表头）中的 %s 不是「%s」的项，这些列的内容不导入") \
	X(C_STATE_IGNORED,  "注意：第%d行（表头）中的「%s」列不导入：审核状态只随提交、认定和退回改变，导入的记录是草稿，已有记录的状态不变") \
	X(C_MISSING_COLUMNS,"第%d行（表头）缺少必须填写的列：%s（「%s」的每条记录都要有）。整个文件未导入") \
	X(C_NO_HEADER_CELL, "这一列没有表头，内容无法导入：请写上表头或删去内容") \
	X(C_CONTINUED_NOT_TEXT,"标着「（续）」的行只接续写不下的文字；这一格不是文字项，接上去会变成另一个值（如 30 接 0 成 300），整条记录没有导入") \
	X(C_CONTINUED_ALONE,"标着「（续）」的行接续上一行写不下的文字，应紧跟在它接续的那一行下面，序号写成那一行的序号加「（续）」（如「2（续）」）：这一行上面不是序号与它相同的行，看不出它接着哪一行，没有导入") \
	X(C_NUL,            "含有 NUL 字节（文件第%lld字节），不能照原样保存") \
	X(C_BAD_UTF8_AT,    "不是有效的 UTF-8（文件第%lld字节）；GBK/GB18030 文件请加 --encoding gb18030") \
	X(C_MONTH_NUMBER,   "Excel 存的是数字 %s：输入 2016.10 时 Excel 也存成 2016.1，看不出是 1 月还是 10 月，没有导入。请写成 2016-10 或 2016年10月（1 月写 2016-01）") \
	X(C_DATE_NUMBER,    "Excel 存的是数字 %s，不是日期，没有导入：请写成 2016-07-15 或 2016年7月15日") \
	X(C_DATE_SERIAL,    "Excel 存的是数字 %s，单元格不是日期格式，没有导入：请写成 2016-07-15 或 2016年7月15日") \
	X(C_BLANK_ROWS,     "跳过了 %d 个空行") \
	X(C_MARKED_OTHERS,  "%lld 行可能与其他单位的记录重复，已标记，请与市科协核实") \
	X(C_MARKED_SIMILAR, "%lld 行可能与已有记录是同一人，按 --force 保存，已标记为可能重复，由市科协核实") \
	X(C_MARKED_NEAR,    "%lld 行与本单位记录相近，按 --force 保存，已标记为可能重复，由市科协核实") \
	X(C_UNIT_OR_FOR_UNIT,"--unit 与 --for-unit 只能用一个：前者以该单位账号的权限导入，后者以管理员的权限导入该单位的记录") \
	X(C_CSV_QUOTE,      "第%d行: 引号没有闭合") \
	X(C_CSV_CELL_LONG,  "第%d行: 一格超过 %ld KiB（Excel 一格最多 32767 个字），不读取") \
	X(C_CSV_WIDE,       "第%d行: 超过 %d 列（Excel 的最大列数），不读取") \
	X(C_IMPORT_SLOW_UNIT,"导入写到第 %2$d 行时已写了 %1$d 秒，已停下，整个文件没有导入：单位账号的一次导入至多写 %1$d 秒（导入时其他账号不能保存）。多半是文件里有很多彼此相似或与已有记录相似的行，每一行都要逐条比较；请分成几个小文件导入，或请市科协导入") \
	X(C_IMPORT_ROWS_UNIT,"文件的数据超过 %1$d 行，整个文件没有导入：单位账号一次至多导入 %1$d 行（导入时其他账号不能保存，所以行数有上限；一个单位一年的记录只有几百条）。请分成几个文件导入") \
	X(C_IMPORT_ROWS,    "文件的数据超过 %1$d 行，整个文件没有导入：一次至多导入 %1$d 行（导入时其他账号不能保存，所以行数有上限）。请分成几个文件导入") \
	X(C_CSV_RECORD_LONG,"第%d行: 一行超过 %ld MiB，不读取") \
	X(C_YEAR_FIXED_FILE,"整个文件都没有导入：%s") \
	X(C_IMPORT_FAILED,  "导入失败：%d 处错误，没有保存任何记录。") \
	X(C_CLOSED_YEAR_WRITTEN,"注意：%s，已记入审计。") \
	X(C_IMPORTED,       "已导入 %d 条记录到 %d 年度的 %s（%s）。") \
	X(C_REJECT_REASON,  "错误") \
	X(C_BAD_GB18030,    "文件既不是 UTF-8 也不是有效的 GB18030 编码：第%ld行（文件第%lld字节，0x%02X）读不下去，没有导入。请用 Excel 或 WPS 打开，另存为 UTF-8 或 GBK 的 CSV 后再导入") \
	X(C_MIXED_ENCODING, "文件既不是 UTF-8 也不是有效的 GB18030 编码：前面是 UTF-8，第%ld行（文件第%lld字节，0x%02X）起不是 UTF-8，按 GB18030 读第%ld行（文件第%lld字节，0x%02X）也读不下去——像是两种编码混在一起，没有导入。请用 Excel 或 WPS 打开，另存为 UTF-8 的 CSV 后再导入") \
	X(C_UTF16,          "文件是 UTF-16 编码，请另存为 UTF-8 或 GBK 的 CSV（Excel：另存为「CSV UTF-8（逗号分隔）」），没有导入") \
	X(C_REJECTED,       "%d 行有错误，没有导入，已写入 %s（在「错误」列说明原因），改正后可以再导入。") \
	X(C_BAD_ENCODING,   "不支持的编码「%s」（可用：utf-8、gb18030）") \
	X(C_NOT_GBK,        "第%d行 %s: 「%.*s」在 GBK（Excel 默认编码）中无法显示，已按 GB18030 写出") \
	X(C_WRITE_ERROR,    "写入失败") \
	X(X_FILLED_BY,      "填报人：") \
	X(X_CHECKED_BY,     "审核人：") \
	X(X_DATE,           "填报日期：") \
	X(X_UNIT_LINE,      "填报单位：{unit}　　　　{year} 年度") \
	X(X_YEAR_LINE,      "{year} 年度") \
	X(X_YEAR_WORD,      "年度") \
	X(X_FOOTER,         "&L%s%d 年度&C%s第 &P 页，共 &N 页") \
	X(X_FOOTER_PAGE,    "&L%s%d 年度&C%s第 &P 页，共 %zu 页") \
	X(X_MANY_SHEETS,    "提示：这个工作簿有 %zu 个工作表（每份表一个）。超过 %zu 个工作表的工作簿，WPS、Excel 和 LibreOffice 打开、打印都很慢，LibreOffice 超过 10000 个打不开；kepu 自己可以导入。要打印，请按单位分别导出（命令行加 --unit 单位名；导出画面里先选一个单位）") \
	X(X_PAGES_CHANGED,  "导出期间记录有增减（数过 %zu 页，写了 %zu 页），页码「共 N 页」会不对，没有写出 %s；请重新导出") \
	X(X_ATTACHMENT,     "附表%d") \
	X(X_SEAL,           "（盖章）") \
	X(X_SIGN_DATE,      "年　　月　　日") \
	X(X_CONTINUED,      "（续）") \
	X(X_CONTINUED_SEQ,  "%d（续）") \
	X(X_CONTINUED_FIELD,"%s（续）：") \
	X(X_EMPTY_YM,       "　　　　年　　月") \
	X(X_EMPTY_DATE,     "　　　　年　　月　　日") \
	X(X_CHECKED,        "■") \
	X(X_UNCHECKED,      "□") \
	X(X_ALL_UNITS,      "全部单位") \
	X(X_COUNTY,         "　县（市、区）科协") \
	X(X_ALL_UNITS_LINE, "各县（市、区）科协、各有关单位　　　　{year} 年度") \
	X(X_REPORTED,       "已报送 %zu 个单位（共 %zu 个），其中逾期 %zu 个") \
	X(X_DONE,           "完成") \
	X(X_QUOTA,          "指标") \
	X(X_SCORE_PCT,      "完成度（%）") \
	X(X_RANK_MARK,      "并列/免") \
	X(X_TIED,           "并列") \
	X(C_NO_SEARCH,      "没有定义专家检索的表单（search）") \
	X(C_BAD_CATEGORY,   "「%s」不是%s的选项") \
	X(C_FIND_WHY,       "匹配") \
	X(C_BAD_STATE,      "没有「%s」这种状态（可用：草稿、已提交、已认定、退回）") \
	X(C_NO_REVIEW,      "「%s」没有审核状态，不能按状态导出") \
	X(C_BAD_FORMAT,     "不支持的格式「%s」（可用：csv、xlsx）") \
	X(C_BAD_REPORT_FORMAT, "不支持的格式「%s」（可用：text、xlsx）") \
	X(C_NEED_OUTPUT,    "--format xlsx 需要用 --output 指定文件") \
	X(C_EMPTY_FILE,     "文件是空的：第1行应是表头（各项的名称，如「姓名」）") \
	X(C_NO_HEADER,      "前 %d 行中找不到表头（各项的名称，如「姓名」）；.xlsx 只读第一个工作表") \
	X(C_BAD_XLSX,       "%s 不是可以读取的 .xlsx 文件") \
	X(C_OLD_XLS,        "%s 是 Excel 97-2003 工作簿（.xls）或 WPS 的 .et（设了打开密码的 .xlsx 也存成这种格式），kepu 读不了，没有导入：请在 Excel、WPS 或 LibreOffice 中打开它（有密码的先取消密码），「另存为」Excel 工作簿（.xlsx）或 CSV 后再导入") \
	X(C_HTML_TABLE,     "%s 是网页（HTML）表格，不是 .xlsx 工作簿（网上的系统和 WPS 导出的 .xls 常是这种），没有导入：请在 Excel 或 WPS 中打开它，另存为 Excel 工作簿（.xlsx）或 CSV 后再导入") \
	X(C_XML_2003,       "%s 是 XML 表格（Excel 2003 XML），不是 .xlsx 工作簿，没有导入：请在 Excel 或 WPS 中打开它，另存为 Excel 工作簿（.xlsx）或 CSV 后再导入") \
	X(C_XLSX_PART,      "其中 %s 解压后超过 %ld MiB，不读取（正常的表格远小于此）") \
	X(C_XLSX_TOO_MUCH,  "表格展开后超过 %ld MiB，不读取（正常的表格远小于此）") \
	X(C_XLSX_ROW,       "行号 %s 超过 Excel 的最大行数 %ld，不读取") \
	X(C_XLSX_ROW_TWICE, "第 %ld 行出现了两次：不知道哪一个是表格中看到的那一行，整个文件没有导入。请用 Excel 或 WPS 打开核对后另存，再导入") \
	X(C_XLSX_ROW_ORDER, "第 %ld 行写在第 %ld 行之后（文件里行的顺序乱了）：不知道表格中看到的是哪样，整个文件没有导入。请用 Excel 或 WPS 打开核对后另存，再导入") \
	X(C_XLSX_CELL_ROW,  "单元格 %s 写在第 %ld 行里（文件里单元格和行对不上）：不知道表格中看到的是哪样，整个文件没有导入。请用 Excel 或 WPS 打开核对后另存，再导入") \
	X(C_XLSX_CELL_TWICE,"单元格 %s 出现了两次：不知道哪一个是表格中看到的那一格，整个文件没有导入。请用 Excel 或 WPS 打开核对后另存，再导入") \
	X(C_XLSX_CELL_ORDER,"单元格 %s 写在 %s 之后（文件里单元格的顺序乱了）：不知道表格中看到的是哪样，整个文件没有导入。请用 Excel 或 WPS 打开核对后另存，再导入") \
	X(C_XLSX_COLUMN,    "单元格「%s」超过 Excel 的最大列数 %d（XFD 列），不读取") \
	X(C_XLSX_STRINGS,   "共享字符串超过 %ld 个，不读取") \
	X(C_XLSX_STRINGS_BYTES,"共享字符串合计超过 %ld MiB，不读取（正常的表格远小于此）") \
	X(C_XLSX_STRING,    "有一个单元格的文字超过 %ld KiB（Excel 一格最多 32767 个字），不读取") \
	X(C_ROLL_REFUSED,   "这是「%s」（汇总表），不是「%s」：它没有%s这些必须填写的项，不能据此建立记录。请改用一人一个工作表的「%s」（.xlsx），或「%s」的名单（每行一人、各项齐全的 CSV 或 .xlsx）导入。整个文件未导入") \
	X(C_PAPER_AT,       "工作表「%s」 %s：%s") \
	X(C_PAPER_SHEET,    "工作表「%s」") \
	X(C_PAPER_CELL,     "工作表「%s」 %s") \
	X(C_PAPER_EMPTY,    "（空）") \
	X(C_PAPER_LABEL,    "应为「%s」，这里是「%s」：不是「%s」的表样（表中印好的字不能改动），整个文件未导入") \
	X(C_PAPER_OTHER,    "工作表「%s」是「%s」，不是「%s」：请导入到「%s」。整个文件未导入") \
	X(C_PAPER_YEAR,     "%s：%d 页是 %d 年度的记录（页脚写着年度，第一页是工作表「%s」），本次导入写入 %d 年度；为免记错年度，没有导入任何记录。请换到 %d 年度再导入（命令行加 --year %d），或把这些页删去") \
	X(C_PAPER_OUTSIDE,  "表格之外的单元格有内容「%s」，不会导入：请删去，或写进表中相应的格子。整个文件未导入") \
	X(C_PAPER_FORMULA,  "%s：%s。整个文件未导入") \
	X(C_PAPER_OUTSIDE_CELL,"表格之外的单元格") \
	X(C_PAPER_PIECES,   "这一栏接续（「（续）」）超过 %d 页，不读取（kepu 印出的一栏最多约 70 页）。整个文件未导入") \
	X(C_PAPER_MARK_CHANGED,"这一格是上一栏印在续页的部分，应以续页标记「%s」开头，这里是「%s」：续页标记被改动了，看不出它接在哪里（请改回原样）。整个文件未导入") \
	X(C_PAPER_CONTINUED,"续页的格子应以「%s」开头，接着上一页的文字，这里是「%s」：看不出它接在哪里。整个文件未导入") \
	X(C_PAPER_BOX,      "%s：看不出第%zu个选项「%s」是否勾选（应为 □%s 或 ■%s，选项的顺序和文字不能改动）。整个文件未导入") \
	X(C_PAPER_BOX_TAIL, "%s：选项之后还有「%s」，不知道是什么。整个文件未导入") \
	X(C_PAPER_ONE_BOX,  "%s：只能选一项，却勾选了%s。整个文件未导入") \
	X(C_PAPER_TEMPLATE, "应为「%s」的样子，这里是「%s」（〔 〕处填写，其余的字不能改动）。整个文件未导入") \
	X(C_PAPER_MONTH_YEAR,"「%s」没有写年份，又早于前面的 %d年%d月，说不准是哪一年：请写全，如 %d年%d月。整个文件未导入") \
	X(C_XLSX_SHEETS,    "工作表超过 %d 个，不读取（请分成几个文件）") \
	X(C_SHEET_SECOND_LIST,"工作表「%s」也是「%s」的名单：一次只导入一个工作表，没有导入。请分别导入（已读「%s」；另一个加 --sheet %s）") \
	X(C_SHEET_NOT_XLSX, "%s 不是 .xlsx 工作簿：--sheet 只用于有几个工作表的 Excel 文件") \
	X(C_NO_SUCH_SHEET,  "%s 没有名为「%s」的工作表（有：%s）") \
	X(C_SHEETS_NOT_READ,"注意：工作表%s有内容，但不是这张表的名单，没有读取；只读了工作表「%s」") \
	X(C_TOTAL_DIFFERS,  "「%s」行的「%s」写的是 %s，上面各行之和是 %lld：这一行不是记录，没有导入；请核对上面各行或这一行") \
	X(C_TOTAL_UNSUMMED, "「%s」行的「%s」写的是 %s，上面各行这一列不都是整数，无法核对：这一行不是记录，没有导入") \
	X(C_TOTALS_SKIPPED, "跳过了 %d 个合计（小计）行：各数与上面各行之和相符") \
	X(C_BOM_NOT_UTF8,   "文件开头标明是 UTF-8（有 BOM），但第%d行 %s列（文件第%lld字节，0x%02X）不是 UTF-8，像是 GBK 编码的文字：没有导入。请在 Excel 中另存为「CSV UTF-8（逗号分隔）」后再导入") \
	X(C_PHONE_NUMBER,   "Excel 把电话号码存成了数字%s%s，没有导入：请把这一列的单元格格式设为「文本」后重新输入号码（或在号码前加英文单引号 '）") \
	X(C_PHONE_EXPONENT, "（显示为 %s，后几位已经丢失）") \
	X(C_PHONE_PLAIN,    " %s（开头的 0 或分隔符会丢失）") \
	X(X_CANT_WRITE,     "不能写入 %s：%s") \
	X(X_DOC_COMPANY,    "许昌市科协“百千万科普工程”") \
	X(X_SHEET_UNIT,     "（%s）") \
	X(C_XLSX_MEMBERS,   "压缩包中的文件超过 %ld 个，不读取") \
	X(C_XLSX_SLOW,      "%s：读取超过 %d 秒（已读 %zu 个工作表，共 %zu 个），不再读取（请分成几个文件）") \
	X(C_READ_TEXT,      "单元格是文字「%s」") \
	X(C_READ_NUMBER,    "单元格是数字 %s") \
	X(C_READ_NUMBER_ROUNDED,"单元格是数字 %s（Excel 可能把它四舍五入显示为 %s，多半是公式的计算结果：请把这一格改为直接填写的数值）") \
	X(C_READ_DATE,      "单元格是日期 %s") \
	X(C_READ_TIME,      "单元格是时间 %s") \
	X(C_READ_BOOL,      "单元格是逻辑值 %s") \
	X(C_READ_CSV,       "读到「%s」") \
	X(C_FORMULA_NO_VALUE,"单元格是公式，文件里没有它的计算结果（文件由程序生成，未在 Excel 或 WPS 中保存过）：请在 Excel 或 WPS 中打开、保存后再导入，或填入数值") \
	X(C_FORMULA_NO_VALUE_AT,"工作表「%s」的单元格 %s%d 是公式，文件里没有保存它的计算结果（文件由程序生成，未在 Excel、WPS 或 LibreOffice 中保存过）：请在 Excel、WPS 或 LibreOffice 中打开、保存后再导入，或填入数值") \
	X(C_FORMULAS_READ,  "%s%ld 个单元格是公式，按文件里保存的计算结果读取（第一个：工作表「%s」的 %s%d）；公式的引用改过而未重新计算时，请在 Excel、WPS 或 LibreOffice 中打开、保存后再导入") \
	X(C_READ_SUFFIX,    "%s；%s") \
	X(C_DATE_IN_FIELD,  "%s，但这一项不是日期，没有导入：请把单元格格式设为「文本」后重新输入") \
	X(C_BOOL_IN_FIELD,  "%s，不是%s，没有导入：请在这一格直接填写%s") \
	X(C_NOT_NUMBER,     "数字") \
	X(C_NOT_DATE,       "日期") \
	X(C_NOT_MONTH,      "年月") \
	X(C_NOT_TEXT,       "文字") \
	X(C_DATE_IN_MONTH,  "%s，但这一项是年月，不是某一天，没有导入：请把单元格格式设为「文本」后写成 2016年8月") \
	X(C_XLSX_IN_SHEET,  "%s 工作表「%s」：%s") \
	X(C_XLSX_HIDDEN_SHEET,"这张工作表在 Excel 中是隐藏的，而单元格 %s%ld 有内容：看不到的内容不会当作核对过的导入，整个文件没有导入。请在 Excel 中右键工作表标签→「取消隐藏」，核对后再导入（不要的请删除这张工作表）") \
	X(C_XLSX_HIDDEN_ROW,"第 %ld 行在 Excel 中是隐藏的，而单元格 %s%ld 有内容：看不到的内容不会当作核对过的导入，整个文件没有导入。请在 Excel 中取消隐藏这一行，核对后再导入（不要的请删除这一行）") \
	X(C_XLSX_HIDDEN_COL,"%s 列在 Excel 中是隐藏的，而单元格 %s%ld 有内容：看不到的内容不会当作核对过的导入，整个文件没有导入。请在 Excel 中取消隐藏这一列，核对后再导入（不要的请删除这一列）") \
	X(C_DRY_RUN,        "只检查，未保存") \
	X(C_CHECKED,        "检查了 %d 条，可以导入 %d 条（只检查，未保存）。") \
	X(C_UPDATED,        "更新了 %d 条已有的记录。") \
	X(C_SAME_SKIPPED,   "%d 条与已有记录重复，没有再次导入；要用文件中的内容更新它们，加 --update 再导入一次。") \
	X(C_SIMILAR_SKIPPED,"%d 条可能与已有记录是同一人（见上面各行），没有导入：请先核对；确是不同的人，加 --force 再导入一次（将标为可能重复，由市科协核实）。") \
	X(C_NEAR_SKIPPED,   "%d 条与本单位已有记录相近（同一天同一地点，或编号、写法不同，见上面各行），没有导入：请先核对；确是不同的记录，加 --force 再导入一次（将标为可能重复，由市科协核实）。") \
	X(C_SAME_LOCKED,    "%d 条与已有记录重复，没有导入；这些记录已提交、已认定或属于其他单位，--update 也不会改动它们。") \
	X(C_UNKNOWN_FORM,   "没有名为「%s」的表单（可用：%s）") \
	X(C_NEED_UNIT,      "请用 --unit（以该单位的权限）或 --for-unit（以管理员的权限）指定单位，或在文件中加一列「填报单位」") \
	X(C_UNIT_MISMATCH,  "不是本次导入的单位「%s」") \
	X(C_DB_EXISTS,      "数据库 %s 已存在，不会覆盖") \
	X(C_INIT_DONE,      "已创建数据库 %s：%d 个单位，%d 条示例记录。") \
	X(C_BACKUP_DONE,    "已备份到 %s（完整性检查通过）。") \
	X(C_OUT_EXISTS,     "%s 已存在，不会覆盖") \
	X(C_OPTION_NOT_FOR, "选项 --%s 不用于 kepu %s（它用于：%s），什么也没做") \
	X(C_NO_THREAD,      "无法开始导入（%s），没有保存任何记录，请稍后再试") \
	X(C_NO_XLSX_LIB,    "不能写 .xlsx：无法加载 %s（请安装 libxlsxwriter4，或改用 CSV）") \
	X(C_CHECK_OK,       "%d 个表单定义全部正确。") \
	X(C_CHAIN_OK,       "审计链完好：%lld 条链环，每条记录与其审计历史一致。") \
	X(C_CHAIN_RECORD,   "%s 第%lld号记录：「%s」的值与审计历史不符（在 kepu 之外被修改），现为「%s」") \
	X(C_CHAIN_ATTACH,   "%s 第%lld号记录的附件（编号%lld）：「%s」与审计历史不符（在 kepu 之外被修改）") \
	X(C_CHAIN_SOME_VALUE, "某一栏") \
	X(C_CHAIN_EMPTIED,  "%s 第%lld号记录：「%s」的值与审计历史不符（在 kepu 之外被修改），现在是空的") \
	X(C_CHAIN_UNSEALED, "%s 第%lld号记录：不是 kepu 写入的（没有封存，可能在 kepu 之外插入）") \
	X(C_CHAIN_UNBOUND,  "%s 第%lld号记录：封存与编号%lld 的审计记录所记不符（在 kepu 之外被改写并重新封存）") \
	X(C_CHAIN_BATCH,    "%s 第%lld–%lld号记录（一次导入，编号%lld 的审计记录）：封存与审计记录所记不符（在 kepu 之外被改写并重新封存）") \
	X(C_CHAIN_CHANGED,  "审计链第%lld条（编号%lld）：被改动、调换或不是 kepu 写入的") \
	X(C_CHAIN_MISSING,  "审计链第%lld条（编号%lld）之前缺少 %lld 条审计记录（被删除）") \
	X(C_CHAIN_TRUNCATED, "审计链末尾缺少 %lld 条审计记录（第%lld条之后被截去）") \
	X(C_CHAIN_GUARD,    "审计链第%lld条（编号%lld）：审计表或其保护触发器曾在 kepu 之外被删除") \
	X(C_CHAIN_BAD,      "数据库 %s：发现 %zu 处与审计链不符（见上）；核实后可由管理员用 kepu check --accept --reason 理由 认可。") \
	X(C_CHAIN_ACCEPTED, "已把以上 %zu 处作为 %s 的修改记入审计（理由：%s），重新封存。") \
	X(C_ACCEPT_REASON,  "--accept 需要 --reason 理由（写入审计，说明为何认可这些在 kepu 之外的修改）") \
	X(C_HEAD_LOST,      "警告：%s 记下的审计链头（%s，第%lld条）在现在的数据库里找不到了：那之后的工作已丢失（断电、-wal 被截断，或用较旧的文件恢复了数据库）。现在能找到的最后一个链头是 %s 的。") \
	X(C_HEAD_NONE,      "（一个也没有）") \
	X(C_BACKUP_HEAD,    "备份中的审计链头：第%lld条，%s。") \
	X(C_DB_OK,          "数据库 %s 完好，记录计数与各表一致。") \
	X(C_DB_DAMAGED,     "数据库 %s 已损坏：%s（请用最近一次 kepu backup 的备份恢复）") \
	X(C_REINDEXED,      "%s：列表筛选的文字索引与记录不符，已按记录重建。") \
	X(C_NO_TEXT_INDEX,  "注意：本机的 SQLite 没有 FTS5 全文索引（trigram 分词），列表筛选将逐条查找，百万条记录时每个键约需 0.3 秒。") \
	X(C_RECOUNTED,      "%s：记录计数与表中不符（数据曾在 kepu 之外被修改），已重新统计。") \
	X(C_VIEW_ALL,       "单位") \
	X(C_BAD_TODAY,      "--today（或 KEPU_TODAY）应为日期，如 2016-07-20") \
	X(C_PRIV_INIT,      "无法放下安装时给 kepu 的权限（kepu 只能以 setgid 方式安装，不能 setuid），为安全起见不启动") \
	X(C_PRIV_OPTION,    "不能使用 %s：kepu 以数据组 %s 的权限运行，数据库、表单定义和日期都是固定的，只有管理员（root 或 %s 组的成员）可以另行指定") \
	X(C_PRIV_ENV,       "不接受环境变量 %.*s：kepu 以数据组 %s 的权限运行，只有管理员（root 或 %s 组的成员）可以用它指定文件或日期；请从 ForceCommand 或环境中去掉它") \
	X(C_PRIV_ADMIN,     "kepu %s 只能由管理员（root 或 %s 组的成员）运行；办公室账号请直接运行 kepu，在界面中登录") \
	X(C_PRIV_RAISE,     "无法取得数据组权限来打开数据库 %s（kepu 的安装权限不对，见 docs/deploy.md）") \
	X(C_DB_MODE,        "无法以权限 %04o 创建数据库 %s（%s）") \
	X(C_FIRST_ACCOUNT,  "已创建市科协账号 %s，初始密码：%s（只显示这一次；首次登录时须修改）") \
	X(C_DEMO_ACCOUNTS,  "演示账号（仅供试用）：shikexie（市科协）、weidu（魏都区）、xcxy（许昌学院），密码均为 %s") \
	X(C_DEMO_REASON,    "（演示）联系电话与工作单位登记不一致，请核对后重新提交。") \
	X(C_USER_ADDED,     "已创建账号 %s，初始密码：%s（只显示这一次；首次登录时须修改）") \
	X(C_USER_RESET,     "已重置账号 %s 的密码，新的初始密码：%s（首次登录时须修改）") \
	X(C_USER_FAILURES,  "近期登录失败 %d 次") \
	X(C_USER_THROTTLED, "近期登录失败 %d 次，还须等 %ld 秒才能再试") \
	X(C_NEED_ROLE,      "请用 --role city 或 --role unit 指定角色") \
	X(C_UNIT_ROLE,      "单位账号须用 --unit 指定单位") \
	X(C_USER_USAGE,     "kepu user add NAME --role city|unit [--unit UNIT] | passwd|lock|unlock|disable NAME | list") \
	X(C_PROGRESS,       "\r%s：%lld 行，每秒 %.0f 行") \
	X(C_PROGRESS_LEFT,  "，%.0f%%，约还需 %.0f 秒") \
	X(C_WORD_IMPORT,    "导入") \
	X(C_WORD_EXPORT,    "导出") \
	X(C_ACTOR,          "%s（命令行）") \
	X(C_ATT_USAGE,      "用法：kepu attachments list [--form FORM] [--record N] [--unit UNIT]，kepu attachments get ID --output FILE [--force]，kepu attachments add FILE --form FORM --record N [--unit UNIT]，或 kepu attachments remove ID [--unit UNIT]") \
	X(C_ATT_ADD_WHERE,  "添加附件须指明加到哪条记录：--form FORM --record N") \
	X(C_ATT_ADDED,      "已把「%s」（%s，%lld 字节）添加为 %s 第 %lld 号记录的第 %lld 号附件") \
	X(C_ATT_REMOVED,    "已删除第 %lld 号附件「%s」（%s 第 %lld 号记录）") \
	X(C_ATT_NO_EVIDENCE,"「%s」的记录不带附件（带附件的表单：%s）") \
	X(C_ATT_RECORD_FORM,"记录编号是每个表单各自的：--record 须与 --form 一起使用") \
	X(C_ATT_BAD_NUMBER, "%s「%s」不对：应为 1 到 %lld 之间的整数") \
	X(C_ATT_RECORD,     "记录编号") \
	X(C_ATT_ID,         "附件编号") \
	X(C_ATT_NEED_OUTPUT,"请用 --output FILE（或 -o FILE）指定把附件写到哪个文件") \
	X(C_ATT_EXISTS,     "%s 已存在，没有覆盖（确要覆盖请加 --force）") \
	X(C_ATT_WRITTEN,    "已把第 %lld 号附件「%s」（%s，%lld 字节，%s 第 %lld 号记录）写到 %s") \
	X(C_ATT_COL_FORM,   "表单") \
	X(C_ATT_COL_NAME,   "文件名") \
	X(C_ATT_COL_TYPE,   "类型") \
	X(C_ATT_COL_SIZE,   "大小（字节）") \
	X(C_ATT_COL_BY,     "发送人") \
	X(C_ATT_COL_AT,     "发送时间") \
	X(C_NEED_DB,        "请用 --db FILE 或环境变量 KEPU_DB 指定数据库") \
	/* exchange: files in and out without server paths (domain/exchange.c) */ \
	X(XC_NAME_EMPTY,    "请写文件名（只写文件名，不写路径）") \
	X(XC_NAME_LONG,     "文件名过长：最多 %d 个字节（UTF-8），现在是 %zu 个") \
	X(XC_NAME_UTF8,     "文件名含有无效的字符编码（不是 UTF-8）") \
	X(XC_NAME_CONTROL,  "文件名含有不可见的控制字符") \
	X(XC_NAME_PATH,     "不能含有 /，只写交换文件夹中的文件名，不写服务器上的路径：「%s」") \
	X(EV_TYPE,          "「%s」不是可以作为附件的文件：按内容只接受 JPEG、PNG 图片，PDF，MP4 视频，Word（DOCX）和 Excel（XLSX）文件，没有保存") \
	X(EV_BYTES,         "%lld 字节") \
	X(EV_TWIN,          "注意：%s；市科协审核时会看到这一点。") \
	X(EV_NOT_REGULAR,   "「%s」不是普通文件（文件夹、设备、管道等不能作为附件），没有保存") \
	X(EV_IS_DATABASE,   "「%s」是 kepu 的数据库（或其链接、-wal/-shm/-journal 文件），不能作为附件，没有保存") \
	X(EV_NOT_IN_UNIT,   "本单位的附件中没有第 %lld 号附件") \
	X(XC_NAME_DOT,      "「%s」：文件名不能以 . 开头（.. 和隐藏文件不能使用）") \
	X(XC_ACCOUNT,       "账号名「%s」不能用作交换文件夹的名字（%s），请管理员换一个账号名") \
	X(XC_FOLDER,        "无法使用交换文件夹 %s：%s") \
	X(XC_FOLDER_OPEN,   "交换文件夹 %s 对其他用户开放（权限 %04o），无法改为 %04o；请管理员处理") \
	X(XC_MISSING,       "交换文件夹中没有「%s」") \
	X(XC_OPEN,          "无法打开「%s」：%s") \
	X(XC_NO_SFTP,       "还没有交换文件夹 %s/exchange：请管理员以 root 运行 kepu-setup（它为 kepuclerk 组的每个 Unix 账号建立）") \
	X(XC_LISTED_REFUSED,"「%s」：%s") \
	X(XC_HOW_SFTP,      "SFTP：主机 %s 端口 %s，用户 %s，文件夹 %s") \
	X(XC_HOW_ZMODEM,    "ZMODEM：SSH 主机 %s 端口 %s，用户 %s，在本画面按 F5") \
	X(XC_HOW_ZMODEM_HERE,"ZMODEM：在本画面按 F5（终端须支持 ZMODEM，如 Xshell、SecureCRT）") \
	X(XC_COMPANION,     "「%s」不能写：SQLite 会把它当作数据库 %s 的 -journal/-wal/-shm 文件，下次打开时回放或删除它；请换一个名字") \
	X(XC_LINK,          "「%s」是符号链接：kepu 不打开交换文件夹中的链接") \
	X(XC_IS_DATABASE,   "「%s」是 kepu 的数据库（或其链接、-wal/-shm/-journal 文件），不能导入或导出") \
	X(XC_DB_UNKNOWN,    "无法查看数据库 %s（%s），不能确认「%s」不是数据库文件，为安全起见没有打开") \
	X(XC_NOT_REGULAR,   "「%s」不是普通文件（文件夹、设备等不能导入）") \
	X(XC_HARD_LINK,     "「%s」是另一个文件的硬链接，不能使用；请放入文件本身") \
	X(XC_TOO_BIG,       "「%s」有 %.1f MiB，超过了 %d MiB 的上限，没有读取；请分成几个较小的文件") \
	X(XC_EXISTS,        "交换文件夹中已有「%s」，不会覆盖；请换一个文件名") \
	X(XC_TMP,           "无法创建临时文件夹 %s：%s") \
	X(XC_RZ_NONE,       "没有收到文件（已取消，或终端不支持 ZMODEM）") \
	X(XC_NO_ANSWER,     "终端在 %d 秒内没有应答 ZMODEM，没有发送（Xshell、SecureCRT 会应答，PuTTY 不会）：请用 SFTP（WinSCP、psftp）取回；终端其实支持时在本屏再按 F5，不再询问") \
	X(XC_NO_CLIENT,     "终端没有接管 ZMODEM，没有接收（Xshell、SecureCRT 会接管，PuTTY 不会）：请用 SFTP（WinSCP、psftp）放进交换文件夹；终端其实支持时在本屏再按 F5，不再询问") \
	X(XC_NO_ANSWER_EV,  "终端 %d 秒内没有应答 ZMODEM（如 PuTTY），附件没有下载：可按 F7 存入交换文件夹，再用 pscp 或 WinSCP 取回；终端其实支持时在本屏再按 F4，不再询问") \
	X(XC_NO_CLIENT_EV,  "终端不接管 ZMODEM（如 PuTTY），附件没有上传：可用 pscp 或 WinSCP 把文件复制到交换文件夹后按 F6；终端其实支持时在本屏再按 F5，不再询问") \
	X(XC_RZ_CANCELLED,  "接收已取消（终端发来 Ctrl-X），什么也没有保存") \
	X(XC_RZ_FAILED,     "接收没有完成（rz 退出，状态 %d），什么也没有保存") \
	X(XC_RZ_TOO_BIG,    "本机发送的文件超过了 %d MiB 的上限，接收已中止，什么也没有保存") \
	X(XC_RZ_MANY,       "一次只能接收一个文件，收到了 %zu 个，什么也没有保存") \
	/* programme years (years.c) */ \
	X(Y_BOUNDS,         "年度 %d 不在 %d 至 %d 之间") \
	X(Y_NOT_NUMBER,     "「%s」不是年度（应为四位数字，如 2017）") \
	X(Y_UNKNOWN,        "没有开启 %d 年度；已开启的年度：%s") \
	X(Y_EXISTS,         "%d 年度已经开启（%s 开启），没有改动") \
	X(Y_FROM_UNKNOWN,   "不能从 %d 年度复制：没有开启该年度；已开启的年度：%s") \
	X(Y_NEWER_DB,       "数据库由较新版本的 kepu 建立（结构版本 %d，本程序只认识到 %d），请升级 kepu") \
	X(Y_SCHEDULE,       "%d 年度保存的工作进度安排无法读取：%s") \
	X(Y_MOVE_RULE,      "不能换到 %d 年度：%s（换过去的记录须符合该年度填报时的要求，请先改正）") \
	X(Y_MOVED,          "已把「%s」第 %lld 号记录换到 %d 年度（编号、审核状态、附件和历史不变）") \
	X(Y_OPENED,         "已开启 %d 年度（从 %d 年度复制了附表1任务数和工作进度安排）") \
	X(Y_CLOSED,         "已结束 %d 年度：各单位不能再新增、修改、提交或导入该年度的记录；市科协仍可认定已提交的记录，排名和报表照常") \
	X(Y_CLOSE_STILL_DUE,"没有结束 %d 年度：还有单位事项没到截止日期——%s。现在结束，各单位就不能再完成这些事项；请等截止日期过后再结束，或加 --force 仍然结束") \
	X(Y_REOPENED,       "已重新开放 %d 年度：各单位又可以填报、修改和提交该年度的记录") \
	X(Y_ALREADY_CLOSED, "%d 年度已经结束（%s 结束），没有改动") \
	X(Y_NOT_CLOSED,     "%d 年度没有结束，不用重新开放，没有改动") \
	X(Y_UNIT_NOT_CLOSED,"%d 年度没有结束，「%s」本来就可以修改，没有改动") \
	X(Y_UNIT_NEED_REASON,"%d 年度对「%s」重新开放须写明原因（记入审计），没有改动") \
	X(Y_UNIT_REASON_LONG,"原因最多 %d 个字，现在有 %zu 个字，没有改动") \
	X(Y_UNIT_ALREADY_OPEN,"%d 年度已经对「%s」重新开放，没有改动") \
	X(Y_UNIT_NOT_OPEN,  "%d 年度没有对「%s」重新开放，没有改动") \
	X(Y_REOPENED_UNIT,  "已重新开放 %d 年度，只对「%s」：该单位又可以修改该年度的记录，其他单位仍不能；再结束该年度即收回") \
	X(Y_CLOSED_UNIT,    "已收回 %d 年度对「%s」的开放：该单位又不能修改该年度的记录") \
	X(Y_CLOSED_UNITS,   "%d 年度已结束；收回了对以下单位的开放：%s") \
	X(Y_STATE_OPEN_TO,  "；仍对以下单位开放：%s") \
	X(Y_COL_STATE,      "状态") \
	X(Y_STATE_OPEN,     "进行中") \
	X(Y_STATE_CLOSED,   "已结束（%s，%s）") \
	X(Y_YEAR_CLOSED,    "%d 年度（已结束）") \
	X(Y_YEAR_CLOSED_SHORT,"%d 已结束") \
	X(Y_COL_YEAR,       "年度") \
	X(Y_COL_AT,         "开启时间") \
	X(Y_COL_BY,         "开启人") \
	X(Y_COL_FROM,       "复制自") \
	X(Y_YEAR,           "%d 年度") \
	X(Y_YEAR_SHORT,     "%d") \
	X(UI_DEMO,          "演示账号") \
	X(UI_DEMO_SIGNED_IN,"这是演示账号：密码 %s 是公开的，谁都能登录。只供试用；正式填报请用市科协建的账号。") \
	X(Y_PICK,           "选择年度") \
	X(Y_SWITCHED,       "已切换到 %d 年度") \
	X(Y_ONLY_ONE,       "只开启了 %d 年度；新年度由市科协开启") \
	X(Y_ONLY_ONE_CITY,  "只开启了 %d 年度；在主菜单按 o 开启新年度") \
	X(Y_OPENED_SWITCH,  "已开启 %d 年度（从 %d 年度复制了附表1任务数和工作进度安排）；按 y 换到该年度") \
	X(K_YEAR,           "换年度") \
	X(K_M_FORM,         "打开附表（数字即附表号）") \
	X(K_M_MONTHLY,      "打开月报") \
	X(K_M_EXPORT,       "导出数据") \
	X(K_M_IMPORT,       "导入数据") \
	X(K_M_PASSWORD,     "修改密码") \
	X(K_M_QUEUE,        "待审核") \
	X(K_M_OPEN_YEAR,    "开启新年度") \
	X(K_M_CLOSE_YEAR,   "结束或重新开放本年度") \
	X(C_NEED_TO_YEAR,   "move 需要用 --to-year 指定换到哪个年度（如 --to-year 2017）") \
	X(C_NEED_FROM,      "year open 需要用 --from 指定从哪个年度复制（如 --from 2016）") \
	X(C_YEAR_USAGE,     "用法：kepu year list，kepu year open 年度 --from 年度，kepu year close 年度 [--for-unit 单位]，或 kepu year reopen 年度 [--for-unit 单位 --reason 原因]") \
	X(C_FOR_ONLY_YEAR,  "--for-unit 只用于 kepu year reopen 和 kepu year close（对一个单位重新开放或收回）") \
	X(C_REASON_FOR_UNIT,"--reason 只用于 kepu year reopen 年度 --for-unit 单位（对一个单位重新开放的原因）") \
	/* kepu save (cmd_save.c) */ \
	X(C_SAVE_NOT_PAIR,  "「%s」不是「字段=值」：每个值写成 字段=值（如 姓名=张三，或 name=张三）") \
	X(C_SAVE_NO_FIELD,  "%s没有字段「%s」；可用的字段：%s") \
	X(C_SAVE_TWICE,     "字段「%s」给了两次（第 %d 个和第 %d 个）；每个字段只写一次") \
	X(C_OPTION_TWICE,   "选项 --%s 给了两次；每个选项只写一次（两次的值不知该用哪一个）") \
	X(C_SAVE_DUP_AGAIN, "加 --force 再运行一次仍要保存（记录将标为可能重复，由市科协核实）：") \
	X(C_SAVE_FIELD,     "  %s") \
	X(C_SAVE_NOTHING,   "没有保存任何内容") \
	X(C_SAVE_NEW,       "已保存：%s 第 %lld 号记录（%s，新记录）") \
	X(C_SAVE_CHANGED,   "已保存：%s 第 %lld 号记录（%s，第 %d 版）") \
	X(C_SAVE_MARKED,    "已标为可能重复，由市科协核实") \
	X(C_SAVE_NEED_UNIT, "新记录须指明单位：写 %s=单位名称，或用 --unit 以该单位的身份保存") \
	X(C_SAVE_MOVE_UNIT, "%s不能改：第 %lld 号记录属于「%s」，保存不会把记录换到另一个单位") \
	X(C_SAVE_NO_RECORD, "%s中没有第 %lld 号记录（或不是你可以看到的）")

enum kp_msg_id {
#define KP_MSG_ENUM(id, text) MSG_##id,
	KP_MESSAGES(KP_MSG_ENUM)
#undef KP_MSG_ENUM
	MSG_COUNT
};

/* The catalogue text of a message id (a printf format). */
const char *msg(enum kp_msg_id id);

#endif
