/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Internal to cli/: the progress line of long imports and exports. */
#ifndef KP_CLI_PROGRESS_H
#define KP_CLI_PROGRESS_H
#include <stdbool.h>

typedef struct {
	const char *what;           /* 导入 or 导出 */
	long long total_bytes;      /* the file's size, or 0 */
	long long total_rows;       /* the rows to write, or 0 */
	double start, shown;
	bool on;                    /* stderr is a terminal */
} cli_progress;

void cli_progress_init(cli_progress *p, const char *what, long long total_bytes, long long total_rows);
/* A kp_progress_fn (domain/transfer.h) with a cli_progress as ctx. */
void cli_progress_cb(void *ctx, long long rows, long long bytes);

#endif
