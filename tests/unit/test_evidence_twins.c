/* SPDX-License-Identifier: MulanPSL-2.0 */
/* One photo, one piece of evidence (#9), tried by a unit clerk who
 * recycles it: the same bytes twice on one record are refused, naming the
 * file there; on another record of the unit they are taken but said, and
 * the city's approval asks first; on another unit's record the clerk is
 * told without that record being named. Different files are never marked
 * (the control). A schema-6 database's files are hashed when opened, a
 * schema-9 one's content hashes computed again. The
 * 附件 screen offers F5/F8 only while the record's files may change. The
 * 月报's 佐证活动 does not count an activity whose only file is recycled. */
#include "unit_env.h"

#include "core/picture.h"
#include "domain/evidence.h"
#include "domain/prefill.h"
#include "domain/review.h"
#include "model_keys.h"
#include "ui/evidence_model.h"
#include "ui/review_prompt.h"

#define PNG "\x89PNG\r\n\x1a\n\0\0\0\rIHDR"

static long long activity(fixture *fx, const char *unit, const char *name)
{
	return save_record(fx, "activity", unit, "name", name, "held_on", "2016-07-08", NULL);
}

/* The PC's file (bytes tail after a PNG's header) arrives on the screen. */
static ev_result send(fixture *fx, evidence_model *m, const char *tail, const char *name)
{
	char data[64];
	size_t n = sizeof PNG - 1 + strlen(tail);
	memcpy(data, PNG, sizeof PNG - 1);
	memcpy(data + sizeof PNG - 1, tail, strlen(tail));
	FILE *in = fmemopen(data, n, "rb");
	ev_ctx c = {&fx->env, 10, NULL};
	ev_result r = ev_received(m, &c, in, name, (long long)n, NULL);
	fclose(in);
	return r;
}

static ev_result send_to(fixture *fx, long long id, const char *tail, const char *name)
{
	evidence_model m;
	ev_ctx c = {&fx->env, 10, NULL};
	assert_int_equal(ev_init(&m, &c, catalog_form(&fx->env.cat, "activity"), id).kind, EV_HANDLED);
	ev_result r = send(fx, &m, tail, name);
	ev_free(&m);
	return r;
}

/* The record's files, as its own unit's session lists them. */
static size_t files_of(fixture *fx, long long id)
{
	kp_attachment *a;
	size_t n = store_attachments(fx->env.store, catalog_form(&fx->env.cat, "activity"), id, &a);
	attachments_free(a, n);
	return n;
}

/* The city's own session beside the unit's (a session never widens):
 * store_close its store. */
static fixture city(fixture *fx)
{
	char *err = NULL;
	kp_store *s;
	if (store_open(fx->path, &s, &err) != KP_OK || store_session(s, SESSION_CITY, "shi", 0, &err) != KP_OK ||
	    store_set_year(s, 2016, &err) != KP_OK)
		fail_msg("%s", err ? err : "");
	store_set_catalog(s, &fx->env.cat);
	return (fixture){.env = {.cat = fx->env.cat, .store = s}, .path = fx->path};
}

/* Record id put to the city (as the administrator: no unit session yet). */
static void submit(fixture *fx, long long id)
{
	char *err = NULL;
	if (review_apply(&fx->env, catalog_form(&fx->env.cat, "activity"), id, REV_SUBMIT, NULL, &err))
		fail_msg("%s", err);
}

static void same_file_twice_on_one_record(void **state)
{
	fixture *fx = *state;
	long long a = activity(fx, "魏都区", "讲座");
	sign_in_unit(fx, "魏都区");
	evidence_model m;
	ev_ctx c = {&fx->env, 10, NULL};
	ev_init(&m, &c, catalog_form(&fx->env.cat, "activity"), a);
	ev_result r = send(fx, &m, "photo-1", "现场照片.png");
	assert_int_equal(r.kind, EV_HANDLED);
	assert_null(strstr(r.text, "相同"));
	r = send(fx, &m, "photo-1", "另一个名字.png"); /* a new name changes nothing */
	assert_int_equal(r.kind, EV_REFUSED);
	assert_non_null(strstr(r.text, "「另一个名字.png」与这条记录已有的附件「现场照片.png」内容完全相同"));
	assert_int_equal(files_of(fx, a), 1);
	assert_int_equal(m.n, 1);
	r = send(fx, &m, "photo-2", "第二张.png"); /* control: another photo */
	assert_int_equal(r.kind, EV_HANDLED);
	assert_null(strstr(r.text, "相同"));
	assert_int_equal(files_of(fx, a), 2);
	/* removed, then sent again: taken (the hash went with the file) */
	assert_int_equal(store_detach(fx->env.store, m.form, m.files[0].id, NULL), KP_OK);
	assert_int_equal(send(fx, &m, "photo-1", "现场照片.png").kind, EV_HANDLED);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_attachment_hashes"), 2);
	ev_free(&m);
}

/* 认定 of the record picked from the city's review prompt: y or n. */
static mr_result approve(fixture *fx, long long id, kp_key answer, review_prompt *p)
{
	const kp_form *f = catalog_form(&fx->env.cat, "activity");
	kp_record r;
	assert_int_equal(store_get(fx->env.store, f, id, &r, NULL), KP_OK);
	city_views(fx->env.store, f, id);
	review_prompt_open(p, fx->env.store, f, &r);
	record_free(&r);
	while (p->offered[p->actions.sel] != REV_APPROVE)
		review_prompt_key(p, &fx->env, FN(KEY_DOWN));
	mr_result m = review_prompt_key(p, &fx->env, ENTER);
	return p->confirming ? review_prompt_key(p, &fx->env, answer) : m;
}

static void same_file_on_another_record_of_the_unit(void **state)
{
	fixture *fx = *state;
	long long a = activity(fx, "魏都区", "讲座甲"), b = activity(fx, "魏都区", "讲座乙"),
		  other = activity(fx, "魏都区", "讲座丙");
	sign_in_unit(fx, "魏都区");
	assert_int_equal(send_to(fx, a, "photo-1", "现场照片.png").kind, EV_HANDLED);
	ev_result r = send_to(fx, b, "photo-1", "现场照片.png");
	assert_int_equal(r.kind, EV_HANDLED); /* taken, but said */
	char said[96];
	snprintf(said, sizeof said, "附件「现场照片.png」与第 %lld 号记录的附件内容相同", a);
	assert_non_null(strstr(r.text, said));
	r = send_to(fx, other, "photo-3", "别的照片.png"); /* control */
	assert_int_equal(r.kind, EV_HANDLED);
	assert_null(strstr(r.text, "相同"));
	char *err = NULL;
	assert_int_equal(review_apply(&fx->env, catalog_form(&fx->env.cat, "activity"), b, REV_SUBMIT, NULL, &err), 0);
	assert_int_equal(review_apply(&fx->env, catalog_form(&fx->env.cat, "activity"), other, REV_SUBMIT, NULL, &err),
			 0);
	fixture shi = city(fx);
	fx = &shi;
	review_prompt p;
	review_prompt_init(&p);
	mr_result m = approve(fx, b, CH('n'), &p);
	assert_non_null(strstr(p.twins, said));
	assert_non_null(strstr(m.text, "没有认定"));
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM activity WHERE kp_state = 'approved'"), 0);
	m = approve(fx, b, CH('y'), &p);
	assert_int_equal(m.kind, MR_SAVED);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM activity WHERE kp_state = 'approved'"), 1);
	/* control: a record whose files are its own is approved by Enter */
	m = approve(fx, other, CH('n'), &p);
	assert_false(p.confirming);
	assert_string_equal(p.twins, "");
	assert_int_equal(m.kind, MR_SAVED);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM activity WHERE kp_state = 'approved'"), 2);
	review_prompt_free(&p);
	store_close(shi.env.store);
}

static void same_file_on_another_units_record(void **state)
{
	fixture *fx = *state;
	long long theirs = activity(fx, "长葛市", "展览"), mine = activity(fx, "魏都区", "讲座");
	assert_int_equal(send_to(fx, theirs, "photo-9", "长葛.png").kind, EV_HANDLED);
	submit(fx, theirs); /* put to the city: it stands against other units' */
	sign_in_unit(fx, "魏都区");
	ev_result r = send_to(fx, mine, "photo-9", "我的.png");
	assert_int_equal(r.kind, EV_HANDLED);
	assert_non_null(strstr(r.text, "附件「我的.png」与另一条记录的附件相同"));
	char theirs_no[32];
	snprintf(theirs_no, sizeof theirs_no, "第 %lld 号", theirs);
	assert_null(strstr(r.text, theirs_no));
	assert_null(strstr(r.text, "长葛"));
	/* the city, who sees both, is told which */
	fixture shi = city(fx);
	char *t = store_attachment_twins(shi.env.store, catalog_form(&fx->env.cat, "activity"), mine, 0);
	store_close(shi.env.store);
	assert_non_null(t);
	assert_non_null(strstr(t, theirs_no));
	free(t);
	/* and the unit asking about the other unit's record learns nothing */
	assert_null(store_attachment_twins(fx->env.store, catalog_form(&fx->env.cat, "activity"), theirs, 0));
}

/* The database taken back to an older schema by sql, then opened: its
 * files' hashes are made, so record b's file twin is found again and
 * not_twin is not. */
static void upgraded(fixture *fx, const char *sql, long long b, const char *twin, const char *not_twin)
{
	env_close(&fx->env);
	sql_run(fx->path, sql);
	reopen(fx);
	assert_int_equal(sql_int(fx->path, "PRAGMA user_version"), 13);
	sign_in_unit(fx, "魏都区");
	char *t = store_attachment_twins(fx->env.store, catalog_form(&fx->env.cat, "activity"), b, 0);
	assert_non_null(t);
	assert_non_null(strstr(t, twin));
	assert_null(strstr(t, not_twin));
	free(t);
}

/* A kepu of schema 6 kept files without hashes: opened, they are hashed,
 * so a photo recycled before the upgrade is found as well. */
static void schema_6_files_hashed(void **state)
{
	fixture *fx = *state;
	long long a = activity(fx, "魏都区", "讲座甲"), b = activity(fx, "魏都区", "讲座乙");
	sign_in_unit(fx, "魏都区");
	assert_int_equal(send_to(fx, a, "old", "旧照片.png").kind, EV_HANDLED);
	assert_int_equal(send_to(fx, b, "old", "旧照片.png").kind, EV_HANDLED);
	assert_int_equal(send_to(fx, b, "other", "别的.png").kind, EV_HANDLED);
	upgraded(fx, "DROP TABLE kp_attachment_hashes; PRAGMA user_version = 6", b, "附件「旧照片.png」与第", "别的.png");
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_attachment_hashes"), 3);
	assert_int_equal(send_to(fx, a, "old", "again.png").kind, EV_REFUSED);
	assert_int_equal(files_of(fx, a), 1);
}

/* The key bar offers F5 and F8 while the record's files may change,
 * not once it is submitted: the keys come from ev_acts. */
static void keys_by_state(void **state)
{
	fixture *fx = *state;
	long long a = activity(fx, "魏都区", "讲座");
	sign_in_unit(fx, "魏都区");
	const kp_form *f = catalog_form(&fx->env.cat, "activity");
	assert_int_equal(send_to(fx, a, "photo", "照片.png").kind, EV_HANDLED);
	evidence_model m;
	ev_ctx c = {&fx->env, 10, NULL};
	ev_init(&m, &c, f, a);
	assert_true(ev_acts(&m, NULL, ACT_RECEIVE)); /* draft: the control */
	assert_true(ev_acts(&m, NULL, ACT_DELETE_RECORD));
	ev_free(&m);
	char *err = NULL;
	assert_int_equal(review_apply(&fx->env, f, a, REV_SUBMIT, NULL, &err), 0);
	ev_init(&m, &c, f, a);
	assert_false(ev_acts(&m, NULL, ACT_RECEIVE));
	assert_false(ev_acts(&m, NULL, ACT_DELETE_RECORD));
	assert_true(ev_acts(&m, NULL, ACT_SEND)); /* its files are still read */
	ev_result r = ev_key(&m, &c, FN(KEY_F(5))); /* pressed anyway: said why */
	assert_int_equal(r.kind, EV_REFUSED);
	assert_non_null(strstr(r.text, "不能添加或删除附件"));
	ev_free(&m);
}

/* 月报's 佐证活动 for 魏都区's July, as the form prefills it. */
static long long evidenced(fixture *fx)
{
	const kp_form *mo = catalog_form(&fx->env.cat, "monthly");
	const kp_field *fd = &mo->fields[form_field_index(mo, "activity_evidence")];
	return prefill_value(&fx->env, fd, store_unit_id(fx->env.store, "魏都区"), "2016-07");
}

/* One photo sent for two activities is the first one's evidence only:
 * the second, whose only file it is, is no 佐证活动; given a photo of its
 * own it is. A file that came first stays counted when a later record
 * reuses it, also when the reuse is another unit's. */
static void recycled_file_is_no_evidence(void **state)
{
	fixture *fx = *state;
	long long a = activity(fx, "魏都区", "讲座甲"), b = activity(fx, "魏都区", "讲座乙"),
		  c = activity(fx, "魏都区", "讲座丙"), theirs = activity(fx, "长葛市", "展览");
	sign_in_unit(fx, "魏都区");
	assert_int_equal(evidenced(fx), 0);
	assert_int_equal(send_to(fx, a, "photo-1", "现场照片.png").kind, EV_HANDLED);
	assert_int_equal(send_to(fx, c, "photo-3", "别的照片.png").kind, EV_HANDLED);
	assert_int_equal(evidenced(fx), 2); /* control: two activities, each with its own photo */
	ev_result r = send_to(fx, b, "photo-1", "现场照片.png");
	assert_int_equal(r.kind, EV_HANDLED);
	assert_non_null(strstr(r.text, "内容相同")); /* said to the clerk, as before */
	assert_int_equal(evidenced(fx), 2);           /* b's only file is a's */
	assert_int_equal(send_to(fx, b, "photo-2", "乙的照片.png").kind, EV_HANDLED);
	assert_int_equal(evidenced(fx), 3); /* a photo of its own makes it evidence */
	/* another unit recycling a's photo later takes nothing from a */
	fixture shi = city(fx);
	assert_int_equal(send_to(&shi, theirs, "photo-1", "长葛.png").kind, EV_HANDLED);
	store_close(shi.env.store);
	assert_int_equal(evidenced(fx), 3);
}

/* t7h #3: 长葛市's draft holding 魏都区's photo first claims nothing from
 * 魏都区's activity: it still counts as 佐证活动, and neither the clerk
 * nor the city is told of the draft. Put to the city, the earlier file
 * is that record's evidence (lower attachment id), and once both are
 * submitted the city sees the twin at the review of each (the control). */
static void rival_draft_claims_nothing(void **state)
{
	fixture *fx = *state;
	long long draft = activity(fx, "长葛市", "展览"), mine = activity(fx, "魏都区", "讲座");
	assert_int_equal(send_to(fx, draft, "photo-7", "拿来的.png").kind, EV_HANDLED);
	fixture shi = city(fx);
	sign_in_unit(fx, "魏都区");
	ev_result r = send_to(fx, mine, "photo-7", "现场.png");
	assert_int_equal(r.kind, EV_HANDLED);
	assert_null(strstr(r.text, "相同"));
	assert_int_equal(evidenced(fx), 1);
	const kp_form *f = catalog_form(&fx->env.cat, "activity");
	char *t = store_attachment_twins(shi.env.store, f, mine, 0);
	assert_null(t); /* 魏都区's record is not questioned for another unit's draft */
	char *err = NULL;
	fixture cg = {.env = {.cat = fx->env.cat}, .path = fx->path};
	assert_int_equal(store_open(fx->path, &cg.env.store, &err), KP_OK);
	assert_int_equal(store_session(cg.env.store, SESSION_UNIT, "cg", store_unit_id(cg.env.store, "长葛市"), &err),
			 KP_OK);
	store_set_catalog(cg.env.store, &fx->env.cat);
	assert_int_equal(store_set_year(cg.env.store, 2016, &err), KP_OK);
	assert_int_equal(review_apply(&cg.env, f, draft, REV_SUBMIT, NULL, &err), 0);
	store_close(cg.env.store);
	assert_int_equal(evidenced(fx), 0); /* the earlier file, submitted, is that record's */
	char no[32];
	t = store_attachment_twins(shi.env.store, f, mine, 0);
	snprintf(no, sizeof no, "第 %lld 号", draft);
	assert_non_null(t);
	assert_non_null(strstr(t, no));
	free(t);
	/* 魏都区's own, still a draft, is not named at 长葛市's review; submitted, it is */
	assert_null(store_attachment_twins(shi.env.store, f, draft, 0));
	assert_int_equal(review_apply(&fx->env, f, mine, REV_SUBMIT, NULL, &err), 0);
	t = store_attachment_twins(shi.env.store, f, draft, 0);
	snprintf(no, sizeof no, "第 %lld 号", mine);
	assert_non_null(t);
	assert_non_null(strstr(t, no));
	free(t);
	/* t8h #1: 魏都区's record approved, 长葛市's earlier file on a record
	 * only submitted takes nothing from it; approved too, it does */
	assert_int_equal(evidenced(fx), 0);
	review_prompt p;
	review_prompt_init(&p);
	assert_int_equal(approve(&shi, mine, CH('y'), &p).kind, MR_SAVED);
	assert_int_equal(evidenced(fx), 1);
	assert_int_equal(approve(&shi, draft, CH('y'), &p).kind, MR_SAVED);
	assert_int_equal(evidenced(fx), 0);
	review_prompt_free(&p);
	store_close(shi.env.store);
}

/* A real PNG's chunks: signature, IHDR, a tEXt comment where asked, IDAT,
 * IEND (CRCs not checked: they are no part of the picture). */
#define SIG "\x89PNG\r\n\x1a\n"
#define IHDR "\0\0\0\x0dIHDR\0\0\0\1\0\0\0\1\x08\0\0\0\0CRC!"
#define TEXT "\0\0\0\x0atEXtComment\0hiCRC!"
#define IDAT(d) "\0\0\0\x06IDAT" d "CRC!"
#define IEND "\0\0\0\0IENDCRC!"

static ev_result send_bytes(fixture *fx, long long id, const char *data, size_t n, const char *name)
{
	evidence_model m;
	ev_ctx c = {&fx->env, 10, NULL};
	assert_int_equal(ev_init(&m, &c, catalog_form(&fx->env.cat, "activity"), id).kind, EV_HANDLED);
	FILE *in = fmemopen((void *)data, n, "rb");
	ev_result r = ev_received(&m, &c, in, name, (long long)n, NULL);
	fclose(in);
	ev_free(&m);
	return r;
}

/* t5h #11: the same picture with one byte after IEND, or with a comment
 * chunk, is the same evidence: refused on its record, said (and not a
 * 佐证活动) on another; another picture is new (the control). */
static void same_picture_other_bytes(void **state)
{
	fixture *fx = *state;
	static const char photo[] = SIG IHDR IDAT("pixel1") IEND, tail[] = SIG IHDR IDAT("pixel1") IEND "\0",
			  commented[] = SIG IHDR TEXT IDAT("pixel1") IEND, other[] = SIG IHDR IDAT("pixel2") IEND;
	long long a = activity(fx, "魏都区", "讲座甲"), b = activity(fx, "魏都区", "讲座乙");
	sign_in_unit(fx, "魏都区");
	assert_int_equal(send_bytes(fx, a, photo, sizeof photo - 1, "photo1.png").kind, EV_HANDLED);
	ev_result r = send_bytes(fx, a, tail, sizeof tail - 1, "photo2.png");
	assert_int_equal(r.kind, EV_REFUSED);
	/* other bytes: not said to be the same file */
	assert_non_null(strstr(r.text, "「photo2.png」与这条记录已有的附件「photo1.png」图像内容相同（文件不完全相同"));
	assert_null(strstr(r.text, "内容完全相同"));
	r = send_bytes(fx, a, photo, sizeof photo - 1, "photo1 copy.png");
	assert_int_equal(r.kind, EV_REFUSED);
	assert_non_null(strstr(r.text, "「photo1 copy.png」与这条记录已有的附件「photo1.png」内容完全相同"));
	assert_int_equal(files_of(fx, a), 1);
	assert_int_equal(evidenced(fx), 1);
	r = send_bytes(fx, b, commented, sizeof commented - 1, "photo3.png");
	assert_int_equal(r.kind, EV_HANDLED);
	char said[96];
	snprintf(said, sizeof said, "附件「photo3.png」与第 %lld 号记录的附件内容相同", a);
	assert_non_null(strstr(r.text, said));
	assert_int_equal(evidenced(fx), 1); /* b's only file is a's picture */
	r = send_bytes(fx, b, other, sizeof other - 1, "photo4.png");
	assert_int_equal(r.kind, EV_HANDLED);
	assert_null(strstr(r.text, "photo4.png」与"));
	assert_int_equal(evidenced(fx), 2);
	/* a schema-8 database (before the pictures' hashes): its files get the
	 * content hash when opened */
	upgraded(fx,
		 "CREATE TABLE h7 AS SELECT id, hash FROM kp_attachment_hashes;"
		 " DROP TABLE kp_attachment_hashes; ALTER TABLE h7 RENAME TO kp_attachment_hashes;"
		 " PRAGMA user_version = 8",
		 b, "附件「photo3.png」与第", "photo4.png");
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM kp_attachment_hashes WHERE content IS NOT NULL"), 3);
	assert_int_equal(send_bytes(fx, a, tail, sizeof tail - 1, "again.png").kind, EV_REFUSED);
}

/* A schema-9 database kept content hashes of the first definition (a
 * PNG's chunks): opened, every one is computed again (schema 12), so the
 * twins the new definition finds are found in files kept before. Here the
 * old hashes are stand-ins that match nothing; the twin comes back only
 * if they are recomputed. */
static void schema_9_hashes_recomputed(void **state)
{
	fixture *fx = *state;
	static const char photo[] = SIG IHDR IDAT("pixel1") IEND, commented[] = SIG IHDR TEXT IDAT("pixel1") IEND,
			  other[] = SIG IHDR IDAT("pixel2") IEND;
	long long a = activity(fx, "魏都区", "讲座甲"), b = activity(fx, "魏都区", "讲座乙");
	sign_in_unit(fx, "魏都区");
	assert_int_equal(send_bytes(fx, a, photo, sizeof photo - 1, "photo1.png").kind, EV_HANDLED);
	assert_int_equal(send_bytes(fx, b, commented, sizeof commented - 1, "photo3.png").kind, EV_HANDLED);
	assert_int_equal(send_bytes(fx, b, other, sizeof other - 1, "photo4.png").kind, EV_HANDLED);
	upgraded(fx,
		 "CREATE TABLE h9 AS SELECT id, hash, randomblob(32) AS content FROM kp_attachment_hashes;"
		 " DROP TABLE kp_attachment_hashes; ALTER TABLE h9 RENAME TO kp_attachment_hashes;"
		 " PRAGMA user_version = 9",
		 b, "附件「photo3.png」与第", "photo4.png");
	char q[96];
	snprintf(q, sizeof q, "SELECT count(*) FROM kp_attachment_hashes WHERE content_def = %d", PICTURE_HASH_DEF);
	assert_int_equal(sql_int(fx->path, q), 3);
	/* control: the stand-ins alone match nothing */
	sql_run(fx->path, "UPDATE kp_attachment_hashes SET content = randomblob(32)");
	assert_null(store_attachment_twins(fx->env.store, catalog_form(&fx->env.cat, "activity"), b, 0));
}

/* t7h #12: the newest file removed, the next one gets a new number, as
 * records do; t7h #6: a PDF with a comment and a second %%EOF appended is
 * the same document. A schema-9 database (no attachment number kept, PDFs
 * hashed to their last %%EOF) is brought up when opened: the numbers
 * seeded from the highest, its PDFs hashed again. */
static void numbers_never_reused(void **state)
{
	fixture *fx = *state;
	static const char pdf[] = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
			  resaved[] = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n%kepu\n%%EOF\n";
	long long a = activity(fx, "魏都区", "讲座甲"), b = activity(fx, "魏都区", "讲座乙");
	sign_in_unit(fx, "魏都区");
	const kp_form *f = catalog_form(&fx->env.cat, "activity");
	assert_int_equal(send_bytes(fx, a, pdf, sizeof pdf - 1, "a.pdf").kind, EV_HANDLED);
	assert_int_equal(send_to(fx, a, "photo-1", "p.png").kind, EV_HANDLED);
	long long newest = sql_int(fx->path, "SELECT max(id) FROM kp_attachments");
	assert_int_equal(store_detach(fx->env.store, f, newest, NULL), KP_OK);
	assert_int_equal(send_to(fx, a, "photo-2", "q.png").kind, EV_HANDLED);
	assert_int_equal(sql_int(fx->path, "SELECT max(id) FROM kp_attachments"), newest + 1);
	ev_result r = send_bytes(fx, b, resaved, sizeof resaved - 1, "b.pdf");
	assert_int_equal(r.kind, EV_HANDLED);
	assert_non_null(strstr(r.text, "附件「b.pdf」与第"));
	assert_int_equal(evidenced(fx), 1); /* b's only file is a's document */
	/* back to schema 9: no number kept, the PDFs' hashes as then (garbled here) */
	env_close(&fx->env);
	sql_run(fx->path, "DELETE FROM kp_seq WHERE tbl = 'kp_attachments'; UPDATE kp_attachment_hashes SET content = "
			  "randomblob(32), content_def = NULL WHERE id IN (SELECT id FROM kp_attachments WHERE type = 'PDF');"
			  " PRAGMA user_version = 9");
	reopen(fx);
	assert_int_equal(sql_int(fx->path, "PRAGMA user_version"), 13);
	assert_int_equal(sql_int(fx->path, "SELECT last FROM kp_seq WHERE tbl = 'kp_attachments'"), newest + 2);
	assert_int_equal(sql_int(fx->path, "SELECT count(DISTINCT content) FROM kp_attachment_hashes h"
					   " JOIN kp_attachments a ON a.id = h.id WHERE a.type = 'PDF'"),
			 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(same_file_twice_on_one_record, setup, teardown),
		cmocka_unit_test_setup_teardown(same_file_on_another_record_of_the_unit, setup, teardown),
		cmocka_unit_test_setup_teardown(same_file_on_another_units_record, setup, teardown),
		cmocka_unit_test_setup_teardown(schema_6_files_hashed, setup, teardown),
		cmocka_unit_test_setup_teardown(keys_by_state, setup, teardown),
		cmocka_unit_test_setup_teardown(recycled_file_is_no_evidence, setup, teardown),
		cmocka_unit_test_setup_teardown(same_picture_other_bytes, setup, teardown),
		cmocka_unit_test_setup_teardown(schema_9_hashes_recomputed, setup, teardown),
		cmocka_unit_test_setup_teardown(rival_draft_claims_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(numbers_never_reused, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
