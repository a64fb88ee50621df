/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Record fields (type: record, #19): the YAML key is checked against the
 * other forms, and the store lets a nomination name only an approved
 * talent of its own unit that the session may see, by number or by an
 * unambiguous name, and never deletes a talent still named. */
#include "unit_env.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/diag.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "form/catalog.h"

/* A site screens directory holding one extra form; the catalogue's
 * problems, joined. */
static char *load_with(const char *yaml)
{
	char dir[] = "/tmp/kp_refs_XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *path = xasprintf("%s/nom.yaml", dir);
	FILE *f = fopen(path, "w");
	fputs(yaml, f);
	fclose(f);
	kp_catalog cat;
	kp_diag d = {0};
	catalog_load(&cat, dir, NULL, &d);
	strbuf b = STRBUF_INIT;
	for (size_t i = 0; i < d.n; i++) {
		char *one = diag_format(&d, i);
		sb_adds(&b, one);
		free(one);
	}
	char *out = sb_take(&b);
	diag_free(&d);
	catalog_free(&cat);
	unlink(path);
	rmdir(dir);
	free(path);
	return out ? out : xstrdup("");
}

#define NOM "id: nom\ntitle: 测试推荐\ntable: nom\nfields:\n  - id: who\n    label: 姓名\n    type: record\n"

static void test_yaml_checked(void **state)
{
	(void)state;
	char *e = load_with(NOM "    ref: {form: talent, show: [name, employer], state: approved}\n");
	assert_string_equal(e, "");
	free(e);
	e = load_with(NOM);                                       /* no ref */
	assert_non_null(strstr(e, "缺少必需的键「ref」"));
	free(e);
	e = load_with(NOM "    ref: {form: talents, show: [name]}\n"); /* no such form */
	assert_non_null(strstr(e, "没有名为「talents」的表单"));
	free(e);
	e = load_with(NOM "    ref: {form: talent, show: [nom_de_plume]}\n");
	assert_non_null(strstr(e, "表单「talent」中没有字段「nom_de_plume」"));
	free(e);
	e = load_with(NOM "    ref: {form: plan, show: [year], state: approved}\n"); /* not reviewed */
	assert_non_null(strstr(e, "没有审核"));
	free(e);
	e = load_with(NOM "    ref: {form: talent, show: [name], state: 已认定}\n");
	assert_non_null(strstr(e, "state 只能是"));
	free(e);
	e = load_with("id: nom\ntitle: 测试\ntable: nom\nfields:\n  - id: who\n    label: 姓名\n    type: text\n"
		      "    ref: {form: talent, show: [name]}\n");       /* ref on a text field */
	assert_non_null(strstr(e, "ref"));
	free(e);
}

static long long talent(fixture *fx, const char *unit, const char *name, const char *employer,
			const char *state)
{
	const kp_form *f = catalog_form(&fx->env.cat, "talent");
	kp_record r;
	record_init(&r, f->nfields);
	r.unit_id = store_unit_id(fx->env.store, unit);
	record_set(&r, (size_t)form_field_index(f, "name"), name);
	record_set(&r, (size_t)form_field_index(f, "employer"), employer);
	char *err = NULL;
	assert_int_equal(store_insert(fx->env.store, f, &r, &err), KP_OK);
	long long id = r.id;
	record_free(&r);
	char *sql = xasprintf("UPDATE talent SET kp_state = '%s' WHERE id = %lld", state, id);
	sqlite3 *db;
	sqlite3_open(fx->path, &db);
	sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	free(sql);
	return id;
}

/* Nominate `who` (a number or a name) for a record of unit in store s:
 * the stored number, or 0 with *err. */
static long long nominate(kp_store *s, const kp_form *f, const char *unit, const char *who, char **err)
{
	kp_record r;
	record_init(&r, f->nfields);
	r.unit_id = store_unit_id(s, unit);
	record_set(&r, (size_t)form_field_index(f, "talent"), who);
	record_set(&r, (size_t)form_field_index(f, "honour"), "河南省首席科普专家");
	record_set(&r, (size_t)form_field_index(f, "year"), "2016");
	record_set(&r, (size_t)form_field_index(f, "decided_on"), "2016-12-20");
	record_set(&r, (size_t)form_field_index(f, "reason"), "优秀");
	long long id = 0;
	if (store_insert(s, f, &r, err) == KP_OK) {
		kp_record got;
		store_get(s, f, r.id, &got, err);
		id = atoll(got.vals[form_field_index(f, "talent")]);
		record_free(&got);
	}
	record_free(&r);
	return id;
}

static void test_store_rules(void **state)
{
	fixture *fx = *state;
	kp_store *s = fx->env.store;
	const kp_form *nom = catalog_form(&fx->env.cat, "nominate_expert");
	const kp_form *tal = catalog_form(&fx->env.cat, "talent");
	long long a = talent(fx, "长葛市", "雷盼盼", "长葛市科技局", "approved");
	long long b = talent(fx, "长葛市", "雷盼盼", "长葛市人民医院", "approved");
	long long c = talent(fx, "长葛市", "雷雪梅", "长葛市科技局", "draft");
	long long w = talent(fx, "魏都区", "罗德明", "魏都区科技局", "approved");
	char *err = NULL, num[24];
	/* By number, by name（employer）. */
	snprintf(num, sizeof num, "%lld", a);
	assert_int_equal(nominate(s, nom, "长葛市", num, &err), a);
	assert_int_equal(nominate(s, nom, "长葛市", "雷盼盼（长葛市人民医院）", &err), b);
	/* Two of that name: refused, asking for more. */
	assert_int_equal(nominate(s, nom, "长葛市", "雷盼盼", &err), 0);
	assert_non_null(strstr(err, "不止一条「雷盼盼」"));
	free(err), err = NULL;
	/* A draft talent, by name or number. */
	assert_int_equal(nominate(s, nom, "长葛市", "雷雪梅", &err), 0);
	assert_non_null(strstr(err, "找不到「雷雪梅」"));
	free(err), err = NULL;
	snprintf(num, sizeof num, "%lld", c);
	assert_int_equal(nominate(s, nom, "长葛市", num, &err), 0);
	assert_non_null(strstr(err, "是「草稿」，只有「已认定」"));
	free(err), err = NULL;
	/* Another unit's talent for 长葛市's nomination. */
	snprintf(num, sizeof num, "%lld", w);
	assert_int_equal(nominate(s, nom, "长葛市", num, &err), 0);
	assert_non_null(strstr(err, "属于魏都区"));
	free(err), err = NULL;
	/* The label, and the picker's offer: 长葛市's approved ones only. */
	snprintf(num, sizeof num, "%lld", a);
	char *l = store_ref_label(s, &nom->fields[form_field_index(nom, "talent")], num);
	assert_string_equal(l, "雷盼盼（长葛市科技局）");
	free(l);
	kp_ref_choice *ch;
	size_t n = store_ref_choices(s, &nom->fields[form_field_index(nom, "talent")],
				     store_unit_id(s, "长葛市"), &ch);
	assert_int_equal(n, 2);
	assert_int_equal(ch[0].id, a);
	assert_int_equal(ch[1].id, b);
	ref_choices_free(ch, n);
	/* A unit session sees no other unit's talent through a label. */
	kp_store *u;
	assert_int_equal(store_open(fx->path, &u, &err), KP_OK);
	assert_int_equal(store_session(u, SESSION_UNIT, "wd", store_unit_id(u, "魏都区"), &err), KP_OK);
	l = store_ref_label(u, &nom->fields[form_field_index(nom, "talent")], num);
	assert_null(strstr(l, "雷盼盼"));
	free(l);
	assert_int_equal(store_ref_choices(u, &nom->fields[form_field_index(nom, "talent")],
					   store_unit_id(u, "长葛市"), &ch), 0);
	store_close(u);
	/* A talent still nominated is not deleted. */
	assert_int_equal(store_delete(s, tal, a, &err), KP_ERR);
	assert_non_null(strstr(err, "已被「推荐省级科普专家名单」"));
	free(err), err = NULL;
	assert_int_equal(store_delete(s, tal, c, &err), KP_OK);
}

int main(void)
{
	unit_locale();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_yaml_checked),
		cmocka_unit_test_setup_teardown(test_store_rules, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
