/* SPDX-License-Identifier: MulanPSL-2.0 */
/* A progress line on stderr for long imports and exports, when stderr is a
 * terminal: rows, rows per second, and (when the size is known) how much is
 * done and the time left. Redrawn at most five times a second. */
#include "cli/progress.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "core/msg.h"

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

void cli_progress_init(cli_progress *p, const char *what, long long total_bytes, long long total_rows)
{
	p->what = what;
	p->total_bytes = total_bytes;
	p->total_rows = total_rows;
	p->start = p->shown = now_s();
	p->on = isatty(STDERR_FILENO);
}

void cli_progress_cb(void *ctx, long long rows, long long bytes)
{
	cli_progress *p = ctx;
	if (!p->on)
		return;
	if (rows < 0) { /* finished: clear the line for what comes next */
		fputs("\r\033[K", stderr);
		return;
	}
	double t = now_s();
	if (t - p->shown < 0.2)
		return;
	p->shown = t;
	double rate = rows / (t - p->start > 0 ? t - p->start : 1e-3);
	double frac = p->total_bytes > 0 ? (double)bytes / (double)p->total_bytes
		    : p->total_rows > 0 ? (double)rows / (double)p->total_rows : -1;
	fprintf(stderr, msg(MSG_C_PROGRESS), p->what, rows, rate);
	if (frac > 0 && frac <= 1)
		fprintf(stderr, msg(MSG_C_PROGRESS_LEFT), frac * 100, (t - p->start) * (1 - frac) / frac);
	fputs("\033[K", stderr);
	fflush(stderr);
}
