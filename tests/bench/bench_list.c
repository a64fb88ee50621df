/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * bench_list: the list screen's data path at a size — the calls the screen
 * makes to open a list (count, first page), to page down (one keyset
 * page), and to filter as the user types (count, first page, per key) —
 * timed as medians of repeated runs.
 * Usage: bench_list DB N  (creates DB with N 附表2 records if it has fewer)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"
#include "domain/progress.h"

#define PAGE 19
#define RUNS 15

/* i in Chinese digits (一二〇): a name keeps its number and stays a name the
 * store accepts (汉字 only). */
static char *han_number(long long i, char out[32])
{
	static const char *const digit[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
	char ascii[24];
	snprintf(ascii, sizeof ascii, "%lld", i);
	out[0] = '\0';
	for (const char *c = ascii; *c; c++)
		strcat(out, digit[*c - '0']);
	return out;
}

static void talent(kp_record *r, const kp_form *f, const kp_unit *u, long long i)
{
	static const char *const sur = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
	static const char *const giv[] = {"建国", "丽华", "志强", "秀英", "海旺", "德明", "玉兰", "振华"};
	char name[64], number[32], emp[64], phone[16];
	snprintf(name, sizeof name, "%.3s%s%s", sur + 3 * (i % 20), giv[i % 8], han_number(i, number));
	snprintf(emp, sizeof emp, "%s第%lld中学", u->name, i % 97);
	snprintf(phone, sizeof phone, "138%08lld", i);
	bench_set(r, f, "name", name);
	bench_set(r, f, "employer", emp);
	bench_set(r, f, "phone", phone);
	bench_set(r, f, "gender", i % 2 ? "男" : "女");
	bench_set(r, f, "age", "45");
	bench_set(r, f, "service_categories", "[\"农村科普\"]");
	bench_set(r, f, "profile", "长期从事农业技术推广工作，熟悉基层情况。");
}

/* The median of five openings of the list's first page under q. */
static double filter_ms(kp_store *s, const kp_form *f, const kp_query *q)
{
	double ms[5];
	for (int r = 0; r < 5; r++) {
		kp_record *rows;
		long long total;
		double t0 = now_ms();
		size_t k = store_query_open(s, f, q, PAGE, &rows, &total);
		ms[r] = now_ms() - t0;
		records_free(rows, k);
	}
	return median(ms, 5);
}

int main(int argc, char **argv)
{
	if (argc != 3)
		return 2;
	kp_env e;
	long long n = atoll(argv[2]);
	const kp_form *f = bench_open(&e, argv[1], n, "bench_list", talent);

	kp_query q = {-1, false, NULL, 0, NULL, false};
	double open[RUNS], down[RUNS], sorted[RUNS];
	kp_record *rows;
	for (int r = 0; r < RUNS; r++) {
		double t0 = now_ms();
		long long total;
		size_t k = store_query_open(e.store, f, &q, PAGE, &rows, &total);
		open[r] = now_ms() - t0;
		/* page down from somewhere in the middle */
		kp_anchor a = {NULL, n / 2 + r};
		records_free(rows, k);
		t0 = now_ms();
		k = store_query_page(e.store, f, &q, &a, false, PAGE, &rows);
		down[r] = now_ms() - t0;
		records_free(rows, k);
		/* page down in 姓名 order (the first sort builds its index, once) */
		kp_query byname = {form_field_index(f, "name"), false, NULL, 0, NULL, false};
		kp_anchor na = {"王德明", n / 2 + r};
		k = store_query_page(e.store, f, &byname, &na, false, PAGE, &rows);
		records_free(rows, k);
		t0 = now_ms();
		k = store_query_page(e.store, f, &byname, &na, false, PAGE, &rows);
		sorted[r] = now_ms() - t0;
		records_free(rows, k);
	}
	/* typing 王建国一 one key at a time, then names that match nothing, of
	 * every length (one and two characters are below a trigram), and
	 * Latin (either case: the filter folds it), digits, pinyin initials
	 * and a word of the long text every record has; filtered as the list
	 * does (letters also find initials); the worst key is reported */
	static const char *const typed[] = {"王", "王建", "王建国", "王建国一", "王建国一二", "无",
					    "无此", "无此人", "x", "Dept", "138", "13800000001", "wjg",
					    "DEPT", "基层情况"};
	size_t nt = sizeof typed / sizeof typed[0];
	double per_key[sizeof typed / sizeof typed[0]];
	for (size_t t = 0; t < nt; t++) {
		kp_query fq = {-1, false, typed[t], 0, NULL, true};
		per_key[t] = filter_ms(e.store, f, &fq);
		fprintf(stderr, "filter key %s: %.2f ms\n", typed[t], per_key[t]);
	}
	/* the same keys in one unit's list (a unit clerk's), and another
	 * unit's name, in every 19th record and never in this unit's */
	long long xc = store_unit_id(e.store, "许昌学院");
	for (size_t t = 0; t <= nt; t++) {
		kp_query fq = {-1, false, t < nt ? typed[t] : "魏都区", xc, NULL, true};
		fprintf(stderr, "filter key %s, 许昌学院's list: %.2f ms\n", fq.filter, filter_ms(e.store, f, &fq));
	}
	/* the same keys in a list sorted by 姓名 (F6): all matches are sorted */
	for (size_t t = 0; t < nt; t++) {
		kp_query fq = {form_field_index(f, "name"), false, typed[t], 0, NULL, true};
		fprintf(stderr, "filter key %s, sorted by name: %.2f ms\n", typed[t], filter_ms(e.store, f, &fq));
	}
	double worst = 0;
	size_t worst_key = 0;
	for (size_t t = 0; t < nt; t++)
		if (per_key[t] > worst) {
			worst = per_key[t];
			worst_key = t;
		}
	/* The 附表4 roll of one unit (a page and its 序号 numbering) and the
	 * progress table of every unit (counts against quotas, ranked). */
	double roll[RUNS], prog[RUNS];
	kp_query unit = {-1, false, NULL, store_unit_id(e.store, "许昌学院"), NULL, false};
	for (int r = 0; r < RUNS; r++) {
		double t0 = now_ms();
		long long total;
		size_t k = store_query_open(e.store, f, &unit, PAGE, &rows, &total);
		if (k)
			store_query_rank(e.store, f, &unit, rows[0].id);
		roll[r] = now_ms() - t0;
		records_free(rows, k);
		kp_progress p;
		t0 = now_ms();
		progress_build(&p, &e, 0);
		prog[r] = now_ms() - t0;
		progress_free(&p);
	}
	printf("%lld\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%s\n", n, median(open, RUNS), median(down, RUNS),
	       median(sorted, RUNS), worst, median(roll, RUNS), median(prog, RUNS), typed[worst_key]);
	env_close(&e);
	return 0;
}
