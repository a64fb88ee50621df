/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * bench_find: the expert search (domain/find.c) at a size — reading the
 * talents once (the screen's opening) and every key of typed searches,
 * Chinese words and pinyin, including a backspace (which searches every
 * record again) — timed as medians of repeated runs; the worst key counts.
 * Usage: bench_find DB N  (creates DB with N 附表2 records if it has fewer)
 * Prints: N open_ms worst_key_ms worst_key
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"
#include "domain/find.h"

#define RUNS 7

static void talent(kp_record *r, const kp_form *f, const kp_unit *u, long long i)
{
	static const char *const sur = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
	static const char *const giv[] = {"建国", "丽华", "志强", "秀英", "海旺", "德明", "玉兰", "振华"};
	static const char *const spec[] = {"食品安全", "网络安全", "智能制造", "防灾减灾", "中医养生", "农业技术",
					   "心理健康", "环境保护", "天文科普", "机器人", "应急救护", "节能减排"};
	static const char *const ind[] = {"教育", "卫生", "农业", "工业制造", "信息技术", "应急管理", "环保"};
	static const char *const cats[] = {"[\"农村科普\",\"社区科普\"]", "[\"青少年科普\"]",
					   "[\"园区科普\",\"服务双创\"]", "[\"公务员科普\",\"科普创作\"]"};
	char name[64], emp[96], phone[16], text[256];
	const char *sp = spec[i % 12];
	snprintf(name, sizeof name, "%.3s%s", sur + 3 * (i % 20), giv[i % 8]);
	snprintf(emp, sizeof emp, "%s第%lld中学", u->name, i % 97);
	snprintf(phone, sizeof phone, "138%08lld", i);
	snprintf(text, sizeof text, "长期从事%s工作，熟悉基层情况，多次主讲%s讲座。", ind[i % 7], sp);
	bench_set(r, f, "name", name);
	bench_set(r, f, "employer", emp);
	bench_set(r, f, "phone", phone);
	bench_set(r, f, "specialty", sp);
	bench_set(r, f, "industry", ind[i % 7]);
	bench_set(r, f, "gender", i % 2 ? "男" : "女");
	bench_set(r, f, "age", "45");
	bench_set(r, f, "service_categories", cats[i % 4]);
	bench_set(r, f, "profile", text);
	bench_set(r, f, "experience", text);
}

int main(int argc, char **argv)
{
	if (argc != 3)
		return 2;
	kp_env e;
	char *err = NULL;
	long long n = atoll(argv[2]);
	const kp_form *f = bench_open(&e, argv[1], n, "bench_find", talent);
	double open[RUNS];
	kp_finder *fd = NULL;
	for (int r = 0; r < RUNS; r++) {
		finder_close(fd);
		double t0 = now_ms();
		fd = finder_open(&e, f, &err);
		open[r] = now_ms() - t0;
	}
	qsort(open, RUNS, sizeof *open, bench_cmp);
	/* Each sequence is typed from an empty box, one key at a time; "spa"
	 * after "spaq" is a backspace, a search of every record again. */
	static const char *const seqs[][6] = {
		{"s", "sp", "spa", "spaq", "spa", NULL},
		{"食", "食品", "食品安", "食品安全", NULL},
		{"z", "zh", "zhi", "zhin", "zhineng", NULL},
		{"农", "农村", "农村 ", "农村 j", "农村 jz", NULL},
		{"无", "无此", "无此人", NULL},
	};
	double worst = 0;
	const char *worst_key = "";
	for (size_t s = 0; s < sizeof seqs / sizeof seqs[0]; s++)
		for (size_t k = 0; seqs[s][k]; k++) {
			double t[RUNS];
			for (int r = 0; r < RUNS; r++) {
				const kp_hit *h;
				finder_search(fd, "", NULL, &h); /* an empty box first */
				for (size_t j = 0; j < k; j++)
					finder_search(fd, seqs[s][j], NULL, &h);
				double t0 = now_ms();
				finder_search(fd, seqs[s][k], NULL, &h);
				t[r] = now_ms() - t0;
			}
			qsort(t, RUNS, sizeof *t, bench_cmp);
			if (t[RUNS / 2] > worst) {
				worst = t[RUNS / 2];
				worst_key = seqs[s][k];
			}
		}
	printf("%lld %.1f %.1f %s\n", n, open[RUNS / 2], worst, worst_key);
	finder_close(fd);
	env_close(&e);
	return 0;
}
