/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The 附件 screen's model driven by keys with no terminal: the city
 * attaches a PDF to a 附表3 activity and detaches it (n first, then y);
 * a file of another type is refused; attach and detach on a record
 * another session deleted are refused in words (no crash); a unit cannot
 * open, attach to or detach from another unit's record, and opens its own. */
#include "unit_env.h"

#include <unistd.h>

#include "model_keys.h"
#include "ui/evidence_model.h"


typedef struct {
	fixture *fx;
	ev_ctx c;
	const kp_form *f;
	long long id; /* 魏都区's activity */
} story;

static int story_setup(void **state)
{
	story *s = story_new(sizeof *s);
	if (!s)
		return -1;
	s->c = (ev_ctx){&s->fx->env, 10, NULL};
	s->f = catalog_form(&s->fx->env.cat, "activity");
	s->id = save_record(s->fx, "activity", "魏都区", "name", "讲座", "held_on", "2016-07-08", NULL);
	*state = s;
	return 0;
}

static int story_teardown(void **state) { return story_free(*state); }

static long long files(story *s)
{
	return sql_int(s->fx->path, "SELECT count(*) FROM kp_attachments");
}

/* F5, then the PC's file arrives (as the view hands it over). */
static ev_result attach(story *s, evidence_model *m, const char *data, const char *name)
{
	assert_int_equal(ev_key(m, &s->c, FN(KEY_F(5))).kind, EV_RECEIVE);
	FILE *in = fmemopen((void *)data, strlen(data), "rb");
	ev_result r = ev_received(m, &s->c, in, name, (long long)strlen(data), NULL);
	fclose(in);
	return r;
}

static void attach_and_detach(void **state)
{
	story *s = *state;
	evidence_model m;
	assert_int_equal(ev_init(&m, &s->c, s->f, s->id).kind, EV_HANDLED);
	assert_int_equal(m.n, 0);
	ev_result r = attach(s, &m, "%PDF-1.4 照片说明", "说明.pdf");
	assert_int_equal(r.kind, EV_HANDLED);
	assert_non_null(strstr(r.text, "已添加附件「说明.pdf」"));
	assert_int_equal(m.n, 1);
	assert_int_equal(files(s), 1);
	r = attach(s, &m, "just text", "a.txt"); /* not a type kept */
	assert_int_equal(r.kind, EV_REFUSED);
	assert_true(r.text[0] != '\0');
	assert_int_equal(files(s), 1);
	assert_int_equal(ev_key(&m, &s->c, ENTER).kind, EV_SEND);
	/* F8: asked first; n keeps it, y removes it */
	ev_key(&m, &s->c, FN(KEY_F(8)));
	assert_int_equal(m.mode, EV_CONFIRM_DELETE);
	char ask[512];
	ev_question(&m, ask, sizeof ask);
	assert_non_null(strstr(ask, "说明.pdf"));
	ev_key(&m, &s->c, CH('n'));
	assert_int_equal(m.mode, EV_BROWSE);
	assert_int_equal(files(s), 1);
	ev_key(&m, &s->c, CTRL('D'));
	r = ev_key(&m, &s->c, CH('y'));
	assert_int_equal(r.kind, EV_HANDLED);
	assert_non_null(strstr(r.text, "已删除附件「说明.pdf」"));
	assert_int_equal(m.n, 0);
	assert_int_equal(files(s), 0);
	ev_key(&m, &s->c, FN(KEY_F(8))); /* nothing to detach: no question */
	assert_int_equal(m.mode, EV_BROWSE);
	assert_int_equal(ev_key(&m, &s->c, ESC).kind, EV_CLOSE);
	ev_free(&m);
}

/* Another session deletes the record while the screen is open: attach
 * and detach are refused in words; nothing crashes, nothing is kept. */
static void record_deleted_meanwhile(void **state)
{
	story *s = *state;
	evidence_model m;
	ev_init(&m, &s->c, s->f, s->id);
	assert_int_equal(attach(s, &m, "%PDF-1.4 a", "a.pdf").kind, EV_HANDLED);
	ev_key(&m, &s->c, FN(KEY_F(8)));
	char sql[128];
	snprintf(sql, sizeof sql, "DELETE FROM activity WHERE id = %lld", s->id);
	sql_run(s->fx->path, sql);
	ev_result r = ev_key(&m, &s->c, CH('y'));
	assert_int_equal(r.kind, EV_REFUSED);
	assert_true(r.text[0] != '\0');
	r = attach(s, &m, "%PDF-1.4 b", "b.pdf");
	assert_int_equal(r.kind, EV_REFUSED);
	assert_true(r.text[0] != '\0');
	assert_int_equal(sql_int(s->fx->path, "SELECT count(*) FROM kp_attachments WHERE name = 'b.pdf'"), 0);
	ev_free(&m);
	/* and opened afresh: refused, nothing to free */
	r = ev_init(&m, &s->c, s->f, s->id);
	assert_int_equal(r.kind, EV_REFUSED);
	ev_free(&m);
}

/* A unit touches only its own unit's records: another unit's is not
 * opened, and one opened before the session narrowed is refused. */
static void other_unit(void **state)
{
	story *s = *state;
	long long theirs = save_record(s->fx, "activity", "许昌学院", "name", "展览", "held_on", "2016-07-09", NULL);
	evidence_model m, own;
	assert_int_equal(ev_init(&m, &s->c, s->f, theirs).kind, EV_HANDLED); /* the city's session */
	assert_int_equal(attach(s, &m, "%PDF-1.4 c", "c.pdf").kind, EV_HANDLED);
	long long file = m.files[0].id;
	kp_store *st = s->fx->env.store;
	sign_in_unit(s->fx, "魏都区");
	assert_int_equal(attach(s, &m, "%PDF-1.4 d", "d.pdf").kind, EV_REFUSED);
	assert_int_equal(m.n, 0); /* another unit's files are not listed to it */
	ev_key(&m, &s->c, FN(KEY_F(8)));
	assert_int_equal(m.mode, EV_BROWSE);
	assert_int_not_equal(store_detach(st, s->f, file, NULL), KP_OK); /* nor detached behind the screen (err NULL) */
	assert_int_equal(sql_int(s->fx->path, "SELECT count(*) FROM kp_attachments WHERE name IN ('c.pdf', 'd.pdf')"), 1);
	ev_free(&m);
	assert_int_equal(ev_init(&m, &s->c, s->f, theirs).kind, EV_REFUSED);
	ev_free(&m);
	/* its own record: opened, and a file attached */
	assert_int_equal(ev_init(&own, &s->c, s->f, s->id).kind, EV_HANDLED);
	assert_int_equal(attach(s, &own, "%PDF-1.4 e", "e.pdf").kind, EV_HANDLED);
	ev_free(&own);
}

/* F6 offers the files of the account's exchange folder, typed to filter,
 * Enter attaches the one chosen; Esc leaves the list with nothing
 * attached; F7 puts a copy back beside it, never over it (PuTTY, t80d #6). */
static void from_and_to_the_folder(void **state)
{
	story *s = *state;
	char account[32];
	snprintf(account, sizeof account, "ev%ld", (long)getpid());
	s->c.user = account;
	evidence_model m;
	assert_int_equal(ev_init(&m, &s->c, s->f, s->id).kind, EV_HANDLED);
	/* The folder empty: F6 says how to fill it, and lists nothing. */
	ev_result r = ev_key(&m, &s->c, FN(KEY_F(6)));
	assert_int_equal(r.kind, EV_HANDLED);
	assert_non_null(strstr(r.text, "pscp、psftp 或 WinSCP"));
	assert_int_equal(m.mode, EV_BROWSE);
	char path[512];
	snprintf(path, sizeof path, "%s活动照片.pdf", m.x.path);
	FILE *f = fopen(path, "w");
	fputs("%PDF-1.4 现场照片", f);
	fclose(f);
	snprintf(path, sizeof path, "%s名单.pdf", m.x.path);
	f = fopen(path, "w");
	fputs("%PDF-1.4 名单", f);
	fclose(f);
	/* Esc: the list closed, nothing attached (control for the next). */
	assert_int_equal(ev_key(&m, &s->c, FN(KEY_F(6))).kind, EV_HANDLED);
	assert_int_equal(m.mode, EV_PICK_FILE);
	assert_int_equal(m.nnames, 2);
	ev_key(&m, &s->c, ESC);
	assert_int_equal(m.mode, EV_BROWSE);
	assert_int_equal(files(s), 0);
	/* Typed to filter, Enter attaches that one. */
	ev_key(&m, &s->c, FN(KEY_F(6)));
	TYPE_KEYS("照片", ev_key(&m, &s->c, k));
	r = ev_key(&m, &s->c, ENTER);
	assert_int_equal(r.kind, EV_HANDLED);
	assert_non_null(strstr(r.text, "已添加附件「活动照片.pdf」"));
	assert_int_equal(m.mode, EV_BROWSE);
	assert_int_equal(m.n, 1);
	assert_int_equal(files(s), 1);
	/* F7: a copy beside the file it came from, that file untouched. */
	r = ev_key(&m, &s->c, FN(KEY_F(7)));
	assert_int_equal(r.kind, EV_HANDLED);
	assert_non_null(strstr(r.text, "文件名「活动照片-2.pdf」"));
	snprintf(path, sizeof path, "%s活动照片-2.pdf", m.x.path);
	assert_int_equal(access(path, F_OK), 0);
	char *dir = strdup(m.x.path);
	static const char *const made[] = {"活动照片.pdf", "活动照片-2.pdf", "名单.pdf"};
	for (size_t i = 0; i < 3; i++) {
		snprintf(path, sizeof path, "%s%s", dir, made[i]);
		unlink(path);
	}
	ev_free(&m);
	rmdir(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(attach_and_detach, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(record_deleted_meanwhile, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(other_unit, story_setup, story_teardown),
		cmocka_unit_test_setup_teardown(from_and_to_the_folder, story_setup, story_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
