/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Key lines tell the truth (issue 23, 8): in every screen context, role
 * and mode that exists, each key the key line lists, pressed on the
 * screen's model, acts — it is not refused as "not here". One row per
 * screen state below; another screen joins by adding its rows (how to
 * open its model in that state, the context it draws with, its acts
 * answer, and what "acted" means for its result). The keys the app itself
 * handles for every screen (F1 help, Ctrl-L) are the app's, not the
 * model's, and are left out. */
#include "unit_env.h"

#include <fcntl.h>
#include <unistd.h>

#include "core/utf8.h"
#include "model_keys.h"
#include "ui/drafts_model.h"
#include "ui/evidence_model.h"
#include "ui/form_model.h"
#include "ui/list_model.h"
#include "ui/menu_model.h"
#include "ui/table_model.h"
#include "ui/transfer_model.h"

#define ROWS 19

/* One screen state's model, whatever the screen. */
typedef struct {
	fixture *fx;
	unsigned ctx;
	kp_acts_fn acts;
	const void *model, *mctx;
	bool (*press)(void *self, kp_key k); /* did the key act? */
	void (*close)(void *self);
	/* the models and what they are given */
	menu_model mm;
	mm_ctx mc;
	form_model *fm;
	fm_ctx fc;
	list_model lm;
	lm_ctx lc;
	int fields[2];
	transfer_model tm;
	tm_ctx tc;
	table_model tbm;
	tbm_ctx tbc;
	drafts_model dm;
	dm_ctx dc;
	evidence_model em;
	ev_ctx ec;
	char user[32];
} screen;

typedef struct {
	const char *name;
	bool unit; /* signed in as 许昌学院's account, else the city */
	void (*open)(screen *s);
} screen_case;

static bool two_years; /* open_case opens the year before too: somewhere to move records */

/* The screen's model in its state: the context it draws with, its answer
 * to "does this act", and how its keys are pressed and it is closed. */
static void be(screen *s, unsigned ctx, kp_acts_fn acts, const void *model, const void *mctx,
	       bool (*press)(void *, kp_key), void (*close)(void *))
{
	/* the session's role, as app_chrome adds it: a role's own rows (F9) */
	s->ctx = ctx | (store_session_kind(s->fx->env.store) == SESSION_CITY ? CTX_CITY : CTX_UNIT);
	s->acts = acts;
	s->model = model;
	s->mctx = mctx;
	s->press = press;
	s->close = close;
}

/* --- the sessions ---------------------------------------------------------- */

static long long xcxy(screen *s) { return store_unit_id(s->fx->env.store, "许昌学院"); }
static bool is_city(screen *s) { return store_session_kind(s->fx->env.store) == SESSION_CITY; }

static void sign_in(screen *s, bool unit)
{
	if (!unit)
		return; /* the fixture's city session */
	char *err = NULL;
	if (store_session(s->fx->env.store, SESSION_UNIT, "xcxy", xcxy(s), &err) != KP_OK)
		fail_msg("%s", err);
}

/* The database every case starts from: two 附表2 people and an activity
 * of 许昌学院, the first person submitted (by the unit, in a session of
 * its own before the city's). */
static void seed(screen *s)
{
	long long a = save_person(s->fx, "王芳", "13812345678");
	save_person(s->fx, "李明", "13812345679");
	save_record(s->fx, "activity", "许昌学院", "name", "安全用电讲座", NULL);
	kp_store *st = s->fx->env.store;
	char *err = NULL;
	if (store_session(st, SESSION_UNIT, "xcxy", xcxy(s), &err) != KP_OK ||
	    store_set_state(st, catalog_form(&s->fx->env.cat, "talent"), a, "draft", "submitted", "", "submit",
			    &err) != KP_OK)
		fail_msg("%s", err);
	env_close(&s->fx->env);
	reopen(s->fx); /* a fresh start, no session yet */
	if (store_session(s->fx->env.store, SESSION_CITY, "admin", 0, &err) != KP_OK)
		fail_msg("%s", err);
}

/* --- the menu -------------------------------------------------------------- */

static bool menu_press(void *self, kp_key k)
{
	screen *s = self;
	return mm_key(&s->mm, &s->mc, k).kind != MM_REFUSED;
}

static void menu_close(void *self) { mm_free(&((screen *)self)->mm); }

static void menu_open(screen *s)
{
	bool city = is_city(s);
	long long u = city ? 0 : xcxy(s);
	s->mc = (mm_ctx){&s->fx->env, city, u, u, city ? "admin" : "xcxy", false};
	mm_init(&s->mm, &s->mc);
	be(s, CTX_MENU, mm_acts, &s->mm, &s->mc, menu_press, menu_close);
}

static void menu_quit_asked(screen *s)
{
	menu_open(s);
	s->mm.mode = MM_CONFIRM_QUIT;
	s->ctx = CTX_CONFIRM;
}

static void menu_close_asked(screen *s)
{
	menu_open(s);
	s->mm.mode = MM_CONFIRM_CLOSE;
	s->mm.close_year = store_year(s->fx->env.store);
	s->mm.closing = true;
	s->ctx = CTX_CONFIRM;
}

static void menu_year_asked(screen *s)
{
	menu_open(s);
	s->mm.mode = MM_CONFIRM_YEAR;
	s->mm.open_year = 2030;
	s->mm.open_from = store_year(s->fx->env.store);
	s->ctx = CTX_CONFIRM;
}

/* --- the form ------------------------------------------------------------- */

static bool form_press(void *self, kp_key k)
{
	screen *s = self;
	fm_result r = fm_key(s->fm, &s->fc, k);
	if (r.kind != FM_REFUSED)
		return true;
	for (size_t i = 0; i < s->fm->form->nfields; i++) /* F2 acted: it checked, and says what is wrong */
		if (s->fm->fs[i].error)
			return true;
	return false;
}

static void form_close(void *self) { fm_free(((screen *)self)->fm); }

static void form_open_id(screen *s, const char *form, long long id)
{
	s->fc = (fm_ctx){&s->fx->env, "xcxy", false, NULL, 40, 0};
	fm_result res;
	s->fm = fm_new(&s->fc, catalog_form(&s->fx->env.cat, form), id, xcxy(s), "许昌学院", &res);
	if (!s->fm)
		fail_msg("%s", res.text);
	be(s, CTX_FORM | fm_field_ctx(&s->fm->form->fields[s->fm->focus]), fm_acts, s->fm, &s->fc, form_press,
	   form_close);
}

static void talent_new(screen *s) { form_open_id(s, "talent", 0); }
static void talent_submitted(screen *s) { form_open_id(s, "talent", 1); }
static void talent_draft(screen *s) { form_open_id(s, "talent", 2); }
static void activity_new(screen *s) { form_open_id(s, "activity", 0); }
static void activity_saved(screen *s) { form_open_id(s, "activity", 1); }

static void talent_leave_asked(screen *s)
{
	talent_new(s);
	fm_key(s->fm, &s->fc, CH('x')); /* typed: Esc asks */
	fm_key(s->fm, &s->fc, CH(27));
	assert_int_equal(s->fm->mode, FM_CONFIRM_LEAVE);
	s->ctx = CTX_CONFIRM;
}

/* --- the list and the view ------------------------------------------------ */

static bool list_press(void *self, kp_key k)
{
	screen *s = self;
	return lm_key(&s->lm, &s->lc, k).kind != LM_REFUSED;
}

static void list_close(void *self) { lm_free(&((screen *)self)->lm); }

static void list_of(screen *s, const kp_form *f, const kp_view *v)
{
	bool city = is_city(s);
	s->lc = (lm_ctx){s->fx->env.store, ROWS, city, !city, &s->fx->env};
	for (int k = 0; k < 2; k++) /* the first two columns */
		s->fields[k] = v ? v->columns[k].field : k;
	lm_init(&s->lm, f, v, s->fields, 2);
	be(s, v ? CTX_VIEW : CTX_LIST, lm_acts, &s->lm, &s->lc, list_press, list_close);
}

static void talent_list(screen *s)
{
	list_of(s, catalog_form(&s->fx->env.cat, "talent"), NULL);
	lm_restart(&s->lm, &s->lc);
}

static void talent_list_submitted(screen *s) /* the selected row is 已提交 */
{
	talent_list(s);
	s->lm.sel = 0;
	assert_string_equal(s->lm.rows[0].state, "submitted");
}

/* Two records marked with Space (each moves on to the next). */
static void talent_list_marked(screen *s)
{
	talent_list(s);
	for (int i = 0; i < 2; i++)
		assert_int_not_equal(lm_key(&s->lm, &s->lc, CH(' ')).kind, LM_REFUSED);
	assert_int_equal(s->lm.nmarked, 2);
}

static void talent_list_filtered(screen *s) /* a filter typed: Esc clears it first */
{
	talent_list(s);
	assert_int_equal(lm_key(&s->lm, &s->lc, CH('z')).kind, LM_HANDLED);
	s->ctx = CTX_LIST | CTX_FILTERED; /* as list_screen draws a filtered list */
}

static void empty_list(screen *s)
{
	list_of(s, catalog_form(&s->fx->env.cat, "project"), NULL);
	lm_restart(&s->lm, &s->lc);
	assert_int_equal(s->lm.n, 0);
}

static void nominations(screen *s) /* the city's list: a unit reads, writes none */
{
	list_of(s, catalog_form(&s->fx->env.cat, "nominate_expert"), NULL);
	lm_restart(&s->lm, &s->lc);
}

static void delete_asked(screen *s)
{
	save_record(s->fx, "talent", "许昌学院", "name", "赵三", NULL); /* the record y deletes */
	talent_list(s);
	s->lm.sel = s->lm.n - 1;
	assert_int_equal(lm_key(&s->lm, &s->lc, (kp_key){true, KEY_F(8)}).kind, LM_HANDLED);
	assert_int_equal(s->lm.mode, LM_CONFIRM_DELETE);
	s->ctx = CTX_CONFIRM;
}

static void roll(screen *s)
{
	const kp_view *v = catalog_view(&s->fx->env.cat, "roll");
	list_of(s, v->source, v);
	lm_set_unit(&s->lm, &s->lc, xcxy(s));
}

/* --- import and export ---------------------------------------------------- */

static bool transfer_press(void *self, kp_key k)
{
	screen *s = self;
	return tm_key(&s->tm, &s->tc, k).kind != TM_REFUSED;
}

static void transfer_close(void *self)
{
	screen *s = self;
	if (s->tm.x.fd >= 0)
		unlinkat(s->tm.x.fd, "kl.csv", 0); /* the one file the cases write */
	char *dir = s->tm.x.path ? strdup(s->tm.x.path) : NULL;
	tm_free(&s->tm);
	if (dir)
		rmdir(dir); /* this run's own folder, beside the database */
	free(dir);
}

static void type(screen *s, const char *text)
{
	TYPE_KEYS(text, tm_key(&s->tm, &s->tc, k));
}

/* Export of 附表2 chosen, the file named. */
static void export_named(screen *s)
{
	snprintf(s->user, sizeof s->user, "kl%ld", (long)getpid());
	s->tc = (tm_ctx){&s->fx->env, NULL, 0, NULL, NULL};
	tm_init(&s->tm, &s->tc, s->fx->path, s->user, false);
	type(s, "附表2");
	tm_key(&s->tm, &s->tc, CH('\r'));
	assert_int_equal(s->tm.mode, TM_FILE);
	type(s, "kl.csv");
	be(s, CTX_TRANSFER, tm_acts, &s->tm, &s->tc, transfer_press, transfer_close);
}

/* Import opened: the forms to pick from. */
static void import_picking(screen *s)
{
	snprintf(s->user, sizeof s->user, "kl%ld", (long)getpid());
	s->tc = (tm_ctx){&s->fx->env, NULL, 0, NULL, NULL};
	tm_init(&s->tm, &s->tc, s->fx->path, s->user, true);
	be(s, CTX_IMPORT, tm_acts, &s->tm, &s->tc, transfer_press, transfer_close);
}

/* The file exported, then imported into the same database: checked, with
 * nothing new to import. */
static void import_nothing_new(screen *s)
{
	export_named(s);
	tm_key(&s->tm, &s->tc, CH('\r'));
	assert_non_null(s->tm.written);
	tm_free(&s->tm); /* the file stays for the import */
	tm_init(&s->tm, &s->tc, s->fx->path, s->user, true);
	type(s, "附表2");
	tm_key(&s->tm, &s->tc, CH('\r'));
	type(s, "kl.csv");
	tm_key(&s->tm, &s->tc, CH('\r'));
	assert_int_equal(s->tm.mode, TM_CHECKED);
	assert_int_equal(s->tm.ready, 0);
	s->ctx = CTX_IMPORT;
}

static void export_done(screen *s)
{
	export_named(s);
	assert_int_not_equal(tm_key(&s->tm, &s->tc, CH('\r')).kind, TM_REFUSED);
	assert_non_null(s->tm.written);
}

/* --- 附表1's table (its key line chooses its context by role: CTX_TABLE_READ
 * for a unit, which may not change quotas) ------------------------------- */

static bool table_press(void *self, kp_key k)
{
	screen *s = self;
	return tbm_key(&s->tbm, &s->tbc, k).kind != MR_REFUSED;
}

static void table_close(void *self) { tbm_free(&((screen *)self)->tbm); }

static void quota_table(screen *s)
{
	bool city = is_city(s);
	s->tbc = (tbm_ctx){&s->fx->env, city ? 0 : xcxy(s)};
	if (tbm_init(&s->tbm, &s->tbc, catalog_form(&s->fx->env.cat, "quota")).kind == MR_REFUSED)
		fail_msg("附表1 would not open");
	tbm_arrange(&s->tbm, ROWS);
	be(s, s->tbm.may_write ? CTX_TABLE : CTX_TABLE_READ, NULL, NULL, NULL, table_press, table_close);
}

/* --- the drafts after sign-in ------------------------------------------------ */

static bool drafts_press(void *self, kp_key k)
{
	screen *s = self;
	return dm_key(&s->dm, &s->dc, k).kind != DM_REFUSED;
}

static void drafts_close(void *self) { dm_free(&((screen *)self)->dm); }

/* Two drafts of a new 附表2 person, the account's own. */
static void drafts_two(screen *s)
{
	for (int i = 0; i < 2; i++) {
		char *pairs[] = {"name", i ? "乙员工" : "甲员工"};
		kp_draft d = {0, 0, xcxy(s), 0, pairs, 1, NULL, NULL, NULL, 0, false};
		char *err = NULL;
		if (store_draft_save(s->fx->env.store, "admin", "talent", &d, &err) != KP_OK)
			fail_msg("%s", err ? err : "draft");
	}
	s->dc = (dm_ctx){&s->fx->env, "admin", ROWS};
	dm_load(&s->dm, &s->dc);
	assert_true(s->dm.n >= 2); /* each key's press opens the case again on one database */
	be(s, CTX_DRAFTS, dm_acts, &s->dm, &s->dc, drafts_press, drafts_close);
}

static void drafts_drop_asked(screen *s)
{
	drafts_two(s);
	dm_key(&s->dm, &s->dc, (kp_key){true, KEY_F(8)});
	assert_int_equal(s->dm.mode, DM_CONFIRM_DROP);
	s->ctx = CTX_CONFIRM;
}

/* --- a record's attachments ------------------------------------------------ */

/* A key acted when it did something or said why not: F4 on a record with
 * no attachment did nothing, in silence, while the key line offered it. */
static bool files_press(void *self, kp_key k)
{
	screen *s = self;
	ev_mode was = s->em.mode;
	ev_result r = ev_key(&s->em, &s->ec, k);
	return r.kind != EV_REFUSED && (r.kind != EV_HANDLED || r.text[0] || s->em.mode != was);
}

static void files_close(void *self)
{
	screen *s = self;
	char *dir = s->em.folder ? strdup(s->em.x.path) : NULL;
	ev_free(&s->em);
	if (dir)
		rmdir(dir); /* this run's own exchange folder (F6 opened it, empty) */
	free(dir);
}

/* 活动 1's attachments: none yet; the account's exchange folder empty. */
static void files_none(screen *s)
{
	snprintf(s->user, sizeof s->user, "kl%ld", (long)getpid());
	s->ec = (ev_ctx){&s->fx->env, ROWS, s->user};
	if (ev_init(&s->em, &s->ec, catalog_form(&s->fx->env.cat, "activity"), 1).kind != EV_HANDLED)
		fail_msg("活动 1 has no attachments screen");
	be(s, CTX_FILES, ev_acts, &s->em, &s->ec, files_press, files_close);
}

/* --- every row -------------------------------------------------------------- */

static const screen_case cases[] = {
	{"menu, city", false, menu_open},
	{"menu, unit", true, menu_open},
	{"menu, city, quit asked", false, menu_quit_asked},
	{"menu, unit, quit asked", true, menu_quit_asked},
	{"menu, city, year asked", false, menu_year_asked},
	{"menu, city, close asked", false, menu_close_asked},
	{"附表2 new, unit", true, talent_new},
	{"附表2 new, city", false, talent_new},
	{"附表2 submitted, unit", true, talent_submitted},
	{"附表2 submitted, city", false, talent_submitted},
	{"附表2 draft, unit", true, talent_draft},
	{"附表2 leave asked", true, talent_leave_asked},
	{"活动 new (evidence), unit", true, activity_new},
	{"活动 saved (evidence), unit", true, activity_saved},
	{"附表2 list, city", false, talent_list},
	{"附表2 list, unit", true, talent_list},
	{"附表2 list on 已提交, unit", true, talent_list_submitted},
	{"附表2 list, 2 marked, unit", true, talent_list_marked},
	{"附表2 list, 2 marked, city", false, talent_list_marked},
	{"附表2 list filtered, unit", true, talent_list_filtered},
	{"附表3 list empty, unit", true, empty_list},
	{"附表3 list empty, city", false, empty_list},
	{"推荐名单, unit", true, nominations},
	{"推荐名单, city", false, nominations},
	{"附表2 list, delete asked", true, delete_asked},
	{"附表4, unit", true, roll},
	{"附表4, city", false, roll},
	{"export named, city", false, export_named},
	{"export done, city", false, export_done},
	{"export done, unit", true, export_done},
	{"import checked, nothing new, city", false, import_nothing_new},
	{"附表1, city", false, quota_table},
	{"附表1, unit", true, quota_table},
	{"drafts, city", false, drafts_two},
	{"attachments none, unit", true, files_none},
	{"drafts, drop asked", false, drafts_drop_asked},
};

/* The first key of b that reaches it in ctx. */
static kp_key key_of(const kp_binding *b, unsigned ctx)
{
	for (int k = 0; k < 4; k++)
		if ((b->keys[k].fn || b->keys[k].code) && keymap_lookup(ctx, b->keys[k]) == b->action)
			return b->keys[k];
	fail_msg("no key reaches row %d", (int)b->action);
	return CH(0);
}

/* The seeded database, made once and copied for each case (a schema
 * created afresh each time costs a test of 36 cases 20 s of fsyncs). */
static char *seeded;

static void copy_file(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	char buf[65536];
	size_t n;
	if (!in || !out)
		fail_msg("cannot copy %s to %s", from, to);
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			fail_msg("cannot write %s", to);
	fclose(in);
	if (fclose(out) != 0)
		fail_msg("cannot write %s", to);
}

/* A fresh copy of the seeded database in the case's session, and its
 * screen opened. Each key is then pressed on a model of its own, opened
 * again (delete_asked adds the record its y deletes). */
static void open_case(screen *s, const screen_case *c)
{
	memset(s, 0, sizeof *s);
	if (!seeded) {
		s->fx = setup_city();
		if (!s->fx)
			fail_msg("no database");
		seed(s);
		env_close(&s->fx->env); /* every page in the file itself, the log checkpointed */
		seeded = s->fx->path;
		free(s->fx);
	}
	fixture *fx = calloc(1, sizeof *fx);
	fx->path = unit_tmp_db();
	copy_file(seeded, fx->path);
	reopen(fx);
	char *err = NULL;
	if (store_session(fx->env.store, SESSION_CITY, "admin", 0, &err) != KP_OK)
		fail_msg("%s", err);
	int year = store_year(fx->env.store);
	if (two_years && store_year_open(fx->env.store, year - 1, year, NULL, NULL, 0, &err) != KP_OK)
		fail_msg("%s", err);
	s->fx = fx;
	sign_in(s, c->unit);
	c->open(s);
}

static void close_case(screen *s)
{
	void *fx = s->fx;
	s->close(s);
	teardown(&fx);
}

static void test_every_key_shown_acts(void **state)
{
	(void)state;
	size_t checked = 0;
	for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
		const kp_binding *rows[64];
		screen s;
		open_case(&s, &cases[c]);
		size_t n = keymap_bar_rows(s.ctx, s.acts, s.model, s.mctx, rows, 64);
		s.close(&s);
		for (size_t i = 0; i < n; i++) {
			if (rows[i]->action == ACT_HELP || rows[i]->action == ACT_REDRAW)
				continue; /* the app's own */
			cases[c].open(&s);
			kp_key k = key_of(rows[i], s.ctx);
			bool acted = s.press(&s, k);
			if (!acted)
				fail_msg("%s: the key line shows %s (%s), which does not act", cases[c].name,
					 keymap_key_name(k), msg(rows[i]->what));
			s.close(&s);
			checked++;
		}
		void *fx = s.fx;
		teardown(&fx);
	}
	assert_true(checked > 50);
}

/* F1's help lists what acts too, from the same answer (app_chrome asks
 * keymap_help as it draws the key line): every key it lists, pressed on
 * the screen's model, acts. A unit's menu help listed the city's r, o, b,
 * a and the digits of forms it has not. */
static bool moves(kp_action a)
{
	switch (a) {
	case ACT_UP: case ACT_DOWN: case ACT_LEFT: case ACT_RIGHT: case ACT_HOME: case ACT_END:
	case ACT_PAGE_UP: case ACT_PAGE_DOWN: case ACT_BACKSPACE: case ACT_DELETE: case ACT_KILL:
		return true;
	default:
		return false;
	}
}

static kp_key_acts_fn key_acts_of(const screen *s) { return s->acts == mm_acts ? mm_key_acts : NULL; }

static void test_help_lists_what_acts(void **state)
{
	(void)state;
	size_t checked = 0;
	for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
		kp_key_line lines[64];
		screen s;
		open_case(&s, &cases[c]);
		size_t n = keymap_help(s.ctx, s.acts, key_acts_of(&s), s.model, s.mctx, lines, 64);
		s.close(&s);
		for (size_t i = 0; i < n; i++) {
			if (lines[i].action == ACT_HELP || lines[i].action == ACT_REDRAW || moves(lines[i].action))
				continue; /* the app's own; a move or an erase has nothing to do at an end */
			/* each key of the line: the digits of the menu one by one */
			for (int k = 0; k < 4; k++) {
				const kp_binding *b = NULL;
				for (unsigned j = 0; j < kp_keymap_len && !b; j++)
					if ((kp_keymap[j].ctx & s.ctx) && kp_keymap[j].action == lines[i].action &&
					    kp_keymap[j].what == lines[i].what &&
					    strstr(lines[i].keys, keymap_key_name(kp_keymap[j].keys[0])) &&
					    !strcmp(keymap_key_name(kp_keymap[j].keys[0]), keymap_key_name(lines[i].key)))
						b = &kp_keymap[j];
				kp_key key = k == 0 ? lines[i].key : b ? b->keys[k] : CH(0);
				/* the other keys of a row only where they act apart (the
				 * digits; another key pressed on one database may find its work done) */
				if (k > 0 && (lines[i].action != ACT_M_FORM || !b || (!key.fn && !key.code) ||
					      !strstr(lines[i].keys, keymap_key_name(key))))
					continue;
				cases[c].open(&s);
				if (s.press(&s, key))
					checked++;
				else
					fail_msg("%s: F1 lists %s (%s), which does not act", cases[c].name,
						 keymap_key_name(key), msg(lines[i].what));
				s.close(&s);
			}
		}
		void *fx = s.fx;
		teardown(&fx);
	}
	assert_true(checked > 50);
}

/* A list's first Esc clears its filter (t80d #16): the key line says so
 * then, and 返回 once there is no filter (the control). */
static void test_list_esc_says_what_it_does(void **state)
{
	(void)state;
	const screen_case filtered = {"附表2 list filtered, unit", true, talent_list_filtered};
	screen s;
	open_case(&s, &filtered);
	const char *bar = keymap_bar_if(s.ctx, s.acts, s.model, s.mctx);
	assert_non_null(strstr(bar, "Esc 清空"));
	assert_null(strstr(bar, "返回"));
	assert_int_equal(s.press(&s, ESC), true);
	assert_string_equal(s.lm.filter_text, "");
	bar = keymap_bar_if(CTX_LIST, s.acts, s.model, s.mctx);
	assert_non_null(strstr(bar, "Esc 返回"));
	assert_null(strstr(bar, "清空"));
	assert_int_equal(lm_key(&s.lm, &s.lc, ESC).kind, LM_CLOSE);
	s.close(&s);
	void *fx = s.fx;
	teardown(&fx);
}

/* The help of the unit's menu names none of the city's keys; the city's
 * does (the control). */
static void test_menu_help_by_role(void **state)
{
	(void)state;
	const screen_case roles[] = {{"menu, city", false, menu_open}, {"menu, unit", true, menu_open}};
	/* the city's keys, then digits of no form in either menu (附表1–4 only) */
	static const char *const city_only[] = {"r", "o", "x", "b", "a", "5", "9"};
	static const bool nobody[] = {false, false, false, false, false, true, true};
	for (size_t r = 0; r < 2; r++) {
		screen s;
		open_case(&s, &roles[r]);
		kp_key_line lines[64];
		size_t n = keymap_help(s.ctx, s.acts, key_acts_of(&s), s.model, s.mctx, lines, 64);
		for (size_t k = 0; k < sizeof city_only / sizeof *city_only; k++) {
			bool listed = false;
			for (size_t i = 0; i < n; i++)
				for (char *p = lines[i].keys; !listed && (p = strstr(p, city_only[k])); p++)
					listed = (p == lines[i].keys || p[-1] == '/') && (p[1] == '\0' || p[1] == '/');
			if (listed != (!roles[r].unit && !nobody[k]))
				fail_msg("%s: F1 %s %s", roles[r].name, listed ? "lists" : "leaves out", city_only[k]);
		}
		close_case(&s);
	}
}

/* 附表4's hint line names F4 (another unit) only where F4 acts: a unit's
 * said 「F4/^O 换一个单位」 while its key line rightly hid F4. The city's is
 * the control. */
static void test_view_hint(void **state)
{
	(void)state;
	const screen_case roles[] = {{"附表4, unit", true, roll}, {"附表4, city", false, roll}};
	for (size_t r = 0; r < 2; r++) {
		screen s;
		open_case(&s, &roles[r]);
		const char *hint = lm_view_hint(&s.lm, &s.lc);
		bool says = strstr(hint, "F4") != NULL;
		bool acts = s.acts(s.model, s.mctx, ACT_UNIT);
		close_case(&s);
		if (says != acts || says == roles[r].unit)
			fail_msg("%s: 「%s」, F4 %s", roles[r].name, hint, acts ? "acts" : "does not act");
	}
}

static bool shows(screen *s, kp_acts_fn acts, kp_action a);

/* F1's line for a key (its words), "" when F1 does not list it. */
static const char *help_words(screen *s, kp_action a)
{
	kp_key_line lines[64];
	size_t n = keymap_help(s->ctx, s->acts, key_acts_of(s), s->model, s->mctx, lines, 64);
	for (size_t i = 0; i < n; i++)
		if (lines[i].action == a)
			return msg(lines[i].what);
	return "";
}

/* With records marked, the hint line and F1's words for Space name F9 (a
 * submit of them all) only where F9 acts on them: the city's said
 * 「F9 一并提交审核」, which only a unit can do, and F9 refused. F5 (move
 * them to another year) is named for both, and acts for both, when another
 * year is open: with one year it was offered, and refused when pressed. */
static void test_marked_words(void **state)
{
	(void)state;
	const screen_case roles[] = {{"marked, unit", true, talent_list_marked},
				     {"marked, city", false, talent_list_marked},
				     {"marked, unit, one year", true, talent_list_marked},
				     {"marked, city, one year", false, talent_list_marked}};
	for (size_t r = 0; r < 4; r++) {
		two_years = r < 2;
		screen s;
		open_case(&s, &roles[r]);
		char hint[256];
		lm_marked_hint(&s.lm, &s.lc, hint, sizeof hint);
		bool acts = s.acts(s.model, s.mctx, ACT_REVIEW), shown = shows(&s, s.acts, ACT_REVIEW);
		const char *mark = help_words(&s, ACT_TOGGLE);
		bool f1_f5 = help_words(&s, ACT_YEAR)[0] != '\0'; /* F1 lists F5 itself when it acts */
		bool f9_refused = lm_key(&s.lm, &s.lc, (kp_key){true, KEY_F(9)}).kind == LM_REFUSED;
		close_case(&s);
		if (acts != roles[r].unit || shown != acts || f9_refused == acts)
			fail_msg("%s: F9 %s, %s, %s", roles[r].name, acts ? "acts" : "does not act",
				 shown ? "shown" : "hidden", f9_refused ? "refused" : "taken");
		if ((strstr(hint, "F9") != NULL) != acts || (strstr(mark, "F9") != NULL) != acts)
			fail_msg("%s: 「%s」「%s」 while F9 %s", roles[r].name, hint, mark, acts ? "acts" : "does not");
		if ((strstr(hint, "F5") != NULL) != two_years || strstr(mark, "F5") || f1_f5 != two_years)
			fail_msg("%s: 「%s」「%s」 F5 named wrongly", roles[r].name, hint, mark);
		open_case(&s, &roles[r]);
		bool f5 = s.acts(s.model, s.mctx, ACT_YEAR);
		close_case(&s);
		if (f5 != two_years)
			fail_msg("%s: F5 %s", roles[r].name, f5 ? "offered with nowhere to go" : "not offered");
	}
	two_years = false;
}

/* F9's words are the role's: a unit's F9 offers 提交审核 (and 撤回 of what
 * it submitted), never 认定 or 退回, and was labelled 审核; 「提交」 is as
 * wide as 「审核」, and the unit's list line has no cell to spare at 80
 * columns. The key line and F1 say the same. */
static void test_review_words_by_role(void **state)
{
	(void)state;
	const struct {
		screen_case c;
		enum kp_msg_id what;
	} want[] = {{{"list, unit", true, talent_list}, MSG_K_SUBMIT},
		    {{"list, city", false, talent_list}, MSG_K_REVIEW}};
	for (size_t r = 0; r < 2; r++) {
		screen s;
		open_case(&s, &want[r].c);
		const kp_binding *rows[64];
		size_t n = keymap_bar_rows(s.ctx, s.acts, s.model, s.mctx, rows, 64);
		enum kp_msg_id bar = MSG_COUNT;
		for (size_t i = 0; i < n; i++)
			if (rows[i]->action == ACT_REVIEW)
				bar = rows[i]->what;
		const char *help = help_words(&s, ACT_REVIEW);
		close_case(&s);
		if (bar != want[r].what || strcmp(help, msg(want[r].what)))
			fail_msg("%s: the key line says 「%s」, F1 「%s」, not 「%s」", want[r].c.name,
				 bar == MSG_COUNT ? "" : msg(bar), help, msg(want[r].what));
	}
	/* docs/keys.md (kepu keys) names both, each with its role */
	char *doc = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&doc, &len);
	keymap_markdown(out);
	fclose(out);
	char unit[128], city[128];
	snprintf(unit, sizeof unit, "| %s%s |", msg(MSG_K_SUBMIT), msg(MSG_KC_UNIT));
	snprintf(city, sizeof city, "| %s%s |", msg(MSG_K_REVIEW), msg(MSG_KC_CITY));
	assert_non_null(strstr(doc, unit));
	assert_non_null(strstr(doc, city));
	free(doc);
}

/* The action's row is in the key line (with the model's answer, or
 * without it: every row of the context, as before this rule). */
static bool shows(screen *s, kp_acts_fn acts, kp_action a)
{
	const kp_binding *rows[64];
	size_t n = keymap_bar_rows(s->ctx, acts, s->model, s->mctx, rows, 64);
	for (size_t i = 0; i < n; i++)
		if (rows[i]->action == a)
			return true;
	return false;
}

/* The lies issue 23 found, each by name, with its positive control. */
static void test_known_lies(void **state)
{
	(void)state;
	const struct {
		screen_case c;
		kp_action a;
		bool shown;
	} want[] = {
		{{"F6 附件 on an unsaved record", true, activity_new}, ACT_FILES, false},
		{{"…and on a saved one", true, activity_saved}, ACT_FILES, true},
		{{"F6 on a form without attachments", true, talent_new}, ACT_FILES, false},
		{{"附表4 F4 for a unit", true, roll}, ACT_UNIT, false},
		{{"…and for the city", false, roll}, ACT_UNIT, true},
		{{"F5 before an export exists", false, export_named}, ACT_SEND, false},
		{{"…and after", false, export_done}, ACT_SEND, true},
		{{"Enter 开始 after the outcome", false, export_done}, ACT_ACCEPT, false},
		{{"Enter 开始 with nothing to import", false, import_nothing_new}, ACT_ACCEPT, false},
		{{"o for a unit", true, menu_open}, ACT_M_OPEN_YEAR, false},
		{{"o for the city", false, menu_open}, ACT_M_OPEN_YEAR, true},
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		screen s;
		open_case(&s, &want[i].c);
		bool listed = shows(&s, NULL, want[i].a), shown = shows(&s, s.acts, want[i].a);
		close_case(&s);
		if (!listed) /* the line without the answer lists it: the answer is what hides it */
			fail_msg("%s: not in the context's rows at all", want[i].c.name);
		if (shown != want[i].shown)
			fail_msg("%s: %s", want[i].c.name, shown ? "shown" : "hidden");
	}
}

/* The words an outcome says name only keys its key line shows: the
 * export's 「按 Enter 返回」 and the import's 「按 Enter 返回主菜单」 stood
 * beside a key line of 「Esc 返回」 alone (keys3). */
static void test_done_words(void **state)
{
	(void)state;
	screen s;
	const screen_case c = {"export done", false, export_done};
	open_case(&s, &c);
	assert_int_equal(s.tm.mode, TM_DONE);
	const char *bar = keymap_bar_if(CTX_TRANSFER, tm_acts, &s.tm, &s.tc);
	bool enter_shown = strstr(bar, "Enter") != NULL;
	assert_non_null(strstr(bar, "Esc")); /* the control: the line does name its keys */
	for (size_t i = 0; i < s.tm.nresult; i++)
		if (!enter_shown && strstr(s.tm.result[i], "Enter"))
			fail_msg("export done says 「%s」; its key line: %s", s.tm.result[i], bar);
	const char *import_done[] = {msg(MSG_UI_TR_DONE_KEYS), msg(MSG_UI_TR_DONE_HINT)};
	s.tm.importing = true;
	bar = keymap_bar_if(CTX_IMPORT, tm_acts, &s.tm, &s.tc);
	for (size_t i = 0; i < 2; i++)
		if (!strstr(bar, "Enter") && strstr(import_done[i], "Enter"))
			fail_msg("import done says 「%s」; its key line: %s", import_done[i], bar);
	s.tm.importing = false;
	close_case(&s);
}

/* The menu's own words say what the role may do there. The key line test
 * above never read them (they were formatted while drawing), so a unit's
 * menu offered 「附表1 … 查看与修改」 where it may only look: an item that
 * says 修改 or 填写 opens a form this role writes, and a unit's items never
 * speak of 各单位 or 按单位. The city's 附表1 saying 修改 is the control. */
static void test_menu_words(void **state)
{
	(void)state;
	const screen_case roles[] = {{"menu, city", false, menu_open}, {"menu, unit", true, menu_open}};
	for (size_t r = 0; r < 2; r++) {
		screen s;
		open_case(&s, &roles[r]);
		kp_store *st = s.fx->env.store;
		bool city_changes_quota = false, reads = false;
		for (size_t i = 0; i < s.mm.n; i++) {
			const menu_item *it = &s.mm.items[i];
			if (it->kind == ITEM_PASSWORD || it->kind == ITEM_ADVANCE || it->kind == ITEM_AUDIT)
				continue; /* the account's own 修改, and 修改记录 (the audit's rows) */
			char text[256];
			mm_item_text(it, &s.mc, text, sizeof text);
			bool claims = strstr(text, "修改") || strstr(text, "填写") || strstr(text, "记录列表");
			if (claims && !(it->form && store_may_write_form(st, it->form)))
				fail_msg("%s: 「%s」, which this role may not change", roles[r].name, text);
			if (roles[r].unit && (strstr(text, "各单位") || strstr(text, "按单位")))
				fail_msg("%s: 「%s」 speaks of other units", roles[r].name, text);
			city_changes_quota |= !roles[r].unit && it->kind == ITEM_TABLE && strstr(text, "修改");
			reads |= roles[r].unit && it->kind == ITEM_LIST && strstr(text, "查看");
		}
		if (roles[r].unit && !reads) /* the unit reads the city's lists (表彰名单, 推荐…) */
			fail_msg("a unit's menu says 查看 on no list");
		if (!roles[r].unit && !city_changes_quota)
			fail_msg("the city's 附表1 does not say 修改");
		close_case(&s);
	}
}

/* An empty list's words name F7 only where F7 acts: a unit's empty
 * 推荐名单 (the city's to write) said 「按 F7 或 Ctrl-N 新建」 while its key
 * line rightly hid F7. An empty 附表3 list of either role is the control. */
static void test_empty_list_words(void **state)
{
	(void)state;
	const struct {
		screen_case c;
		bool f7;
	} want[] = {
		{{"推荐名单, unit", true, nominations}, false},
		{{"附表3 list empty, unit", true, empty_list}, true},
		{{"附表3 list empty, city", false, empty_list}, true},
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		screen s;
		open_case(&s, &want[i].c);
		assert_int_equal(s.lm.n, 0);
		char text[256];
		lm_empty_text(&s.lm, &s.lc, text, sizeof text);
		bool says = strstr(text, "F7") != NULL, shown = shows(&s, s.acts, ACT_NEW);
		close_case(&s);
		if (says != want[i].f7 || says != shown)
			fail_msg("%s: 「%s」, F7 %s on the key line", want[i].c.name, text, shown ? "shown" : "hidden");
	}
}

/* Import offers only the forms the role may write: a unit was offered
 * 附表1 and the city's 表彰名单 and 推荐名单, whose every row the store
 * then refused. The city is offered 附表1 (the control). */
static void test_import_offers(void **state)
{
	(void)state;
	const screen_case roles[] = {{"import, city", false, NULL}, {"import, unit", true, NULL}};
	for (size_t r = 0; r < 2; r++) {
		screen s;
		memset(&s, 0, sizeof s);
		const screen_case c = {roles[r].name, roles[r].unit, import_picking};
		open_case(&s, &c);
		bool quota = false;
		for (size_t i = 0; i < s.tm.pick.n; i++) {
			const kp_form *f = s.tm.entries[i].form;
			if (!store_may_write_form(s.fx->env.store, f))
				fail_msg("%s: offers %s, which it may not write", roles[r].name, f->title);
			quota |= !strcmp(f->id, "quota");
		}
		assert_true(s.tm.pick.n > 0);
		if (quota == roles[r].unit)
			fail_msg("%s: 附表1 %s", roles[r].name, quota ? "offered" : "not offered");
		close_case(&s);
	}
}

static int drop_seeded(void **state)
{
	(void)state;
	if (seeded)
		unit_rm_db(seeded); /* frees it */
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_key_shown_acts),
		cmocka_unit_test(test_known_lies),
		cmocka_unit_test(test_done_words),
		cmocka_unit_test(test_menu_words),
		cmocka_unit_test(test_help_lists_what_acts),
		cmocka_unit_test(test_menu_help_by_role),
		cmocka_unit_test(test_list_esc_says_what_it_does),
		cmocka_unit_test(test_view_hint),
		cmocka_unit_test(test_marked_words),
		cmocka_unit_test(test_review_words_by_role),
		cmocka_unit_test(test_empty_list_words),
		cmocka_unit_test(test_import_offers),
	};
	return cmocka_run_group_tests(tests, NULL, drop_seeded);
}
