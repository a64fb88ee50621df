/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The import and export screen's model driven by keys with no terminal:
 * choose 附表2, export it to the account's exchange folder, then import
 * that file — checked first (nothing saved), imported on the next Enter,
 * Esc back to choosing a file; the same file again has nothing new. */
#include "unit_env.h"

#include "core/strbuf.h"
#include "core/utf8.h"
#include "model_keys.h"
#include "domain/zmodem.h"
#include "ui/transfer_model.h"

#define PEOPLE 3

typedef struct {
	fixture *fx;
	tm_ctx c;
	char user[32]; /* this run's own exchange folder, beside the database */
	char *folder;
} story;

static void type(transfer_model *m, const tm_ctx *c, const char *text)
{
	TYPE_KEYS(text, tm_key(m, c, k));
}

static bool said(const transfer_model *m, const char *part)
{
	for (size_t i = 0; i < m->nresult; i++)
		if (strstr(m->result[i], part))
			return true;
	return false;
}

static int story_setup(void **state)
{
	story *s = story_new(sizeof *s);
	if (!s)
		return -1;
	s->c = (tm_ctx){&s->fx->env, NULL, 0, NULL, NULL};
	snprintf(s->user, sizeof s->user, "tm%ld", (long)getpid());
	static const char *const names[PEOPLE] = {"王一帆", "李二强", "赵三明"};
	static const char *const phones[PEOPLE] = {"13800000001", "13800000002", "13800000003"};
	for (int i = 0; i < PEOPLE; i++)
		save_person(s->fx, names[i], phones[i]);
	*state = s;
	return 0;
}

static int story_teardown(void **state)
{
	story *s = *state;
	if (s->folder) {
		char path[512];
		snprintf(path, sizeof path, "%stalent.csv", s->folder);
		unlink(path);
		rmdir(s->folder);
		free(s->folder);
	}
	return story_free(s);
}

/* Open the screen's model and choose 附表2 by typing its name. */
static void open_talent(story *s, transfer_model *m, bool importing)
{
	tm_init(m, &s->c, s->fx->path, s->user, importing);
	assert_int_equal(m->mode, TM_PICK);
	assert_true(m->x.fd >= 0);
	type(m, &s->c, "附表2");
	assert_int_equal(tm_key(m, &s->c, ENTER).kind, TM_HANDLED);
	assert_int_equal(m->mode, TM_FILE);
	assert_string_equal(m->form->id, "talent");
}

static void export_then_import(void **state)
{
	story *s = *state;
	transfer_model m;
	open_talent(s, &m, false);
	char *proposed = eb_text(&m.name);
	assert_non_null(strstr(proposed, ".xlsx")); /* a name offered: 附表2-…-day.xlsx */
	free(proposed);
	s->folder = strdup(m.x.path);
	/* F5 before anything is exported answers how to send (the screen
	 * names F5 all along); after the export it sends. */
	tm_result r = tm_key(&m, &s->c, (kp_key){true, (uint32_t)KEY_F(5)});
	assert_int_equal(r.kind, TM_REFUSED);
	assert_non_null(strstr(r.text, "请先按 Enter 导出，再按 F5"));
	tm_key(&m, &s->c, CTRL('A'));
	tm_key(&m, &s->c, CTRL('K'));
	type(&m, &s->c, "talent.csv");
	r = tm_key(&m, &s->c, ENTER);
	assert_int_equal(r.kind, TM_HANDLED);
	assert_int_equal(m.mode, TM_DONE);
	assert_true(said(&m, "talent.csv"));
	assert_string_equal(m.written, "talent.csv");
	assert_int_equal(tm_key(&m, &s->c, (kp_key){true, (uint32_t)KEY_F(5)}).kind, TM_SEND);
	assert_int_equal(tm_key(&m, &s->c, ENTER).kind, TM_CLOSE);
	tm_free(&m);

	/* The people gone, the file brings them back: checked, then imported. */
	char *err = NULL;
	const kp_form *f = catalog_form(&s->fx->env.cat, "talent");
	for (long long id = 1; id <= PEOPLE; id++)
		assert_int_equal(store_delete(s->fx->env.store, f, id, &err), KP_OK);
	open_talent(s, &m, true);
	assert_int_equal(m.nfiles, 1);
	tm_key(&m, &s->c, (kp_key){true, (uint32_t)KEY_DOWN}); /* the first key takes the file */
	char *name = eb_text(&m.name);
	assert_string_equal(name, "talent.csv");
	free(name);
	r = tm_key(&m, &s->c, ENTER);
	assert_int_equal(m.mode, TM_CHECKED);
	assert_true(said(&m, "检查完毕：检查了 3 条，可以导入 3 条"));
	assert_int_equal(sql_int(s->fx->path, "SELECT count(*) FROM talent"), 0); /* a dry run */
	r = tm_key(&m, &s->c, ENTER);
	assert_int_equal(m.mode, TM_DONE);
	assert_true(r.clear_status);
	assert_true(said(&m, "已导入 3 条记录"));
	assert_int_equal(sql_int(s->fx->path, "SELECT count(*) FROM talent"), PEOPLE);
	assert_true(m.name.sel); /* t80j j8: the next name typed replaces this one */
	/* Esc: back to choosing a file, not out of the screen. */
	r = tm_key(&m, &s->c, ESC);
	assert_int_equal(r.kind, TM_HANDLED);
	assert_int_equal(m.mode, TM_FILE);
	assert_int_equal(m.nresult, 0);
	/* The same file again: nothing new, so Enter refuses with the reason. */
	tm_key(&m, &s->c, CTRL('A'));
	tm_key(&m, &s->c, CTRL('K'));
	type(&m, &s->c, "talent.csv");
	tm_key(&m, &s->c, ENTER);
	assert_int_equal(m.mode, TM_CHECKED);
	assert_true(said(&m, "没有要导入的记录"));
	r = tm_key(&m, &s->c, ENTER);
	assert_int_equal(r.kind, TM_REFUSED);
	assert_non_null(strstr(r.text, "这个文件没有要导入的记录"));
	assert_int_equal(sql_int(s->fx->path, "SELECT count(*) FROM talent"), PEOPLE);
	/* A name corrected since the file was written: its row is no new
	 * person (「可以导入 1 条」 before); the screen says which and why. */
	assert_int_equal(tm_key(&m, &s->c, ESC).kind, TM_HANDLED);
	sql_run(s->fx->path, "UPDATE talent SET name = '王一凡' WHERE name = '王一帆'");
	tm_key(&m, &s->c, CTRL('A'));
	tm_key(&m, &s->c, CTRL('K'));
	type(&m, &s->c, "talent.csv");
	tm_key(&m, &s->c, ENTER);
	assert_true(said(&m, "没有要导入的记录"));
	assert_true(said(&m, "可能与第 4 号记录（王一凡）重复：联系电话相同，姓名不同，没有导入"));
	assert_true(said(&m, "确是不同的人"));
	assert_int_equal(sql_int(s->fx->path, "SELECT count(*) FROM talent"), PEOPLE);
	assert_int_equal(tm_key(&m, &s->c, ESC).kind, TM_HANDLED);
	assert_int_equal(tm_key(&m, &s->c, ESC).kind, TM_CLOSE);
	tm_free(&m);
}

static void assert_name(const transfer_model *m, const char *want)
{
	char *name = eb_text(&m->name);
	assert_string_equal(name, want);
	free(name);
}

/* A name that is not in the folder is refused, naming it; Esc in the
 * form list leaves. */
static void missing_file(void **state)
{
	story *s = *state;
	transfer_model m;
	open_talent(s, &m, true);
	s->folder = strdup(m.x.path);
	type(&m, &s->c, "nothing.csv");
	tm_result r = tm_key(&m, &s->c, ENTER);
	assert_int_equal(r.kind, TM_REFUSED);
	assert_true(r.error);
	assert_non_null(strstr(r.text, "nothing.csv"));
	assert_int_equal(m.mode, TM_FILE);
	/* the name refused is selected: the next key replaces it, never
	 * appends (「nothing.csvy」); a name with / the same */
	assert_true(m.name.sel);
	type(&m, &s->c, "a/b.csv");
	assert_false(m.name.sel); /* positive control: typing selects nothing */
	assert_name(&m, "a/b.csv");
	r = tm_key(&m, &s->c, ENTER);
	assert_int_equal(r.kind, TM_REFUSED);
	assert_non_null(strstr(r.text, "不能含有 /"));
	assert_true(m.name.sel);
	type(&m, &s->c, "y");
	assert_name(&m, "y");
	/* a ZMODEM refusal holds for this visit only: leaving forgets it */
	zmodem_refused();
	assert_false(zmodem_asking());
	tm_free(&m);
	assert_true(zmodem_asking());
	tm_init(&m, &s->c, s->fx->path, s->user, true);
	assert_int_equal(tm_key(&m, &s->c, ESC).kind, TM_CLOSE);
	tm_free(&m);
}



/* The name offered is selected: what the clerk types replaces it, never
 * lands after it (附表2-…-day.xlsxtalent.csv was once written). */
static void typing_replaces_name(void **state)
{
	story *s = *state;
	transfer_model m;
	open_talent(s, &m, false);
	s->folder = strdup(m.x.path);
	assert_true(m.name.sel);
	type(&m, &s->c, "talent.csv");
	assert_name(&m, "talent.csv");
	tm_result r = tm_key(&m, &s->c, ENTER);
	assert_int_equal(r.kind, TM_HANDLED);
	assert_string_equal(m.written, "talent.csv");
	char path[512];
	snprintf(path, sizeof path, "%stalent.csv", m.x.path);
	assert_int_equal(access(path, F_OK), 0);
	/* after the outcome, another name typed replaces the one written */
	assert_true(m.name.sel);
	type(&m, &s->c, "x");
	assert_int_equal(m.mode, TM_FILE);
	assert_name(&m, "x");
	tm_free(&m);
}

/* A cursor key keeps the name offered for editing: End, then the
 * extension changed, as in a form's field. */
static void arrow_then_edit(void **state)
{
	story *s = *state;
	transfer_model m;
	open_talent(s, &m, false);
	s->folder = strdup(m.x.path);
	char *offered = eb_text(&m.name);
	size_t n = strlen(offered);
	assert_true(n > 5 && !strcmp(offered + n - 5, ".xlsx"));
	assert_true(m.name.sel);
	tm_key(&m, &s->c, FN(KEY_LEFT));
	assert_false(m.name.sel);
	tm_key(&m, &s->c, FN(KEY_END));
	for (int i = 0; i < 4; i++)
		tm_key(&m, &s->c, CH(127));
	type(&m, &s->c, "csv");
	strcpy(offered + n - 4, "csv");
	assert_name(&m, offered);
	/* Home keeps it too: typing goes in front, as the clerk asked */
	tm_key(&m, &s->c, CTRL('A'));
	type(&m, &s->c, "新");
	char *want = malloc(n + 8);
	snprintf(want, n + 8, "新%s", offered);
	assert_name(&m, want);
	free(want);
	free(offered);
	tm_free(&m);
}

/* A refusal's message belongs to the name refused: once an export
 * succeeds, the status line is cleared (the outcome shows below). */
static void success_clears_refusal(void **state)
{
	story *s = *state;
	transfer_model m;
	open_talent(s, &m, false);
	s->folder = strdup(m.x.path);
	type(&m, &s->c, ".talent.csv");
	tm_result r = tm_key(&m, &s->c, ENTER);
	assert_int_equal(r.kind, TM_REFUSED);
	assert_true(r.error);
	assert_non_null(strstr(r.text, ".talent.csv"));
	assert_int_equal(m.mode, TM_FILE);
	tm_key(&m, &s->c, FN(KEY_HOME));
	tm_key(&m, &s->c, FN(KEY_DC));
	assert_name(&m, "talent.csv");
	r = tm_key(&m, &s->c, ENTER);
	assert_int_equal(r.kind, TM_HANDLED);
	assert_int_equal(m.mode, TM_DONE);
	assert_true(r.clear_status);
	assert_string_equal(r.text, "");
	tm_free(&m);
}

/* A file put into the story's exchange folder (removed at the teardown's
 * rmdir only when the test unlinks it). */
static void put_file(const transfer_model *m, const char *name, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s%s", m->x.path, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static void drop_file(const transfer_model *m, const char *name)
{
	char path[512];
	snprintf(path, sizeof path, "%s%s", m->x.path, name);
	unlink(path);
}

static int one_line(int width, const char *s)
{
	(void)width;
	(void)s;
	return 1;
}

#define HEAD "填报单位,姓名,性别,年龄,民族,政治面貌,学历,工作单位,联系电话,科普人才服务类别\n"
#define REPEAT "许昌学院,王一帆,男,45,汉族,中共党员,大学本科,许昌学院农学院,13800000001,青少年科普\n"

/* 42 bad rows (84 bad cells): every one listed, scrolled with Up/Down/PgUp/PgDn/Home/End
 * under a mark that counts the lines hidden (issue t80d #8). */
static void long_outcome_scrolls(void **state)
{
	story *s = *state;
	transfer_model m;
	open_talent(s, &m, true);
	s->folder = strdup(m.x.path);
	strbuf csv = STRBUF_INIT;
	sb_printf(&csv, HEAD);
	for (int i = 0; i < 42; i++)
		sb_printf(&csv, "许昌学院,张%d,男性,40,汉族,群众,本科,许昌学院,139%08d,青少年科普\n", i, i);
	put_file(&m, "bad.csv", sb_str(&csv));
	sb_free(&csv);
	type(&m, &s->c, "bad.csv");
	tm_key(&m, &s->c, ENTER);
	drop_file(&m, "bad.csv");
	assert_int_equal(m.mode, TM_DONE);
	assert_true(said(&m, "导入失败：84 处错误")); /* 姓名 with a digit, and 性别 */
	assert_true(said(&m, "第2行"));
	assert_true(said(&m, "第43行")); /* the last bad row too, not the first ten */
	size_t n = m.nresult;
	assert_true(n > 85);
	tm_fit(&m, 10, 76, one_line);
	assert_int_equal(m.rtop, 0);
	assert_int_equal(m.rshown, 9); /* a line for the mark */
	char want[64];
	snprintf(want, sizeof want, "↓ 还有 %zu 项", n - 9);
	assert_string_equal(m.more, want);
	assert_true(tm_acts(&m, &s->c, ACT_PAGE_DOWN));
	tm_key(&m, &s->c, FN(KEY_NPAGE));
	tm_fit(&m, 10, 76, one_line);
	assert_int_equal(m.rtop, 9);
	assert_non_null(strstr(m.more, "↑ 上面还有 9 项"));
	tm_key(&m, &s->c, FN(KEY_DOWN));
	tm_fit(&m, 10, 76, one_line);
	assert_int_equal(m.rtop, 10);
	tm_key(&m, &s->c, FN(KEY_END));
	tm_fit(&m, 10, 76, one_line);
	assert_int_equal(m.rtop + m.rshown, n); /* the last line shown, the page full */
	assert_int_equal(m.rshown, 9);
	assert_null(strstr(m.more, "↓"));
	tm_key(&m, &s->c, FN(KEY_PPAGE));
	tm_fit(&m, 10, 76, one_line);
	assert_int_equal(m.rtop, n - 18);
	tm_key(&m, &s->c, FN(KEY_HOME));
	tm_fit(&m, 10, 76, one_line);
	assert_int_equal(m.rtop, 0);
	/* A failed check offers no F6: it would do nothing (#9). */
	assert_false(said(&m, "按 F6"));
	assert_false(tm_acts(&m, &s->c, ACT_TOGGLE));
	/* All of it fits: no mark, and PgDn is not offered. */
	tm_fit(&m, 100, 76, one_line);
	assert_string_equal(m.more, "");
	assert_false(tm_acts(&m, &s->c, ACT_PAGE_DOWN));
	tm_free(&m);
}

/* F6 (update the repeated records) is offered when the check passed,
 * never after a failed one (t80d #9). */
static void update_offered_only_when_it_acts(void **state)
{
	story *s = *state;
	transfer_model m;
	open_talent(s, &m, true);
	s->folder = strdup(m.x.path);
	put_file(&m, "again.csv", HEAD REPEAT);
	put_file(&m, "again_bad.csv", HEAD REPEAT "许昌学院,张三,男性,40,汉族,群众,本科,许昌学院,13900000009,青少年科普\n");
	type(&m, &s->c, "again.csv");
	tm_key(&m, &s->c, ENTER);
	assert_int_equal(m.mode, TM_CHECKED);
	assert_true(said(&m, "按 F6（^R）改为用文件中的内容更新已有的记录"));
	assert_true(tm_acts(&m, &s->c, ACT_TOGGLE));
	assert_int_equal(tm_key(&m, &s->c, ESC).kind, TM_HANDLED);
	tm_key(&m, &s->c, CTRL('A'));
	tm_key(&m, &s->c, CTRL('K'));
	type(&m, &s->c, "again_bad.csv");
	tm_key(&m, &s->c, ENTER);
	assert_int_equal(m.mode, TM_DONE);
	assert_true(said(&m, "导入失败"));
	assert_true(said(&m, "第2行"));            /* the repeat is still said */
	assert_false(said(&m, "按 F6"));
	assert_false(tm_acts(&m, &s->c, ACT_TOGGLE));
	drop_file(&m, "again.csv");
	drop_file(&m, "again_bad.csv");
	tm_free(&m);
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(export_then_import, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(missing_file, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(typing_replaces_name, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(arrow_then_edit, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(success_clears_refusal, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(long_outcome_scrolls, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(update_offered_only_when_it_acts, story_setup, story_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
