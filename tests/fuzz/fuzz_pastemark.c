/* SPDX-License-Identifier: MulanPSL-2.0 */
/* libFuzzer: a bracketed paste's bytes after its start mark
 * (core/pastemark), fed whole and in the pieces the input's first byte
 * chooses: the same paste, the same bytes taken, whatever the cuts; a
 * paste taken is UTF-8 with no invisible character (utf8_first_unsafe). */
#include <locale.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/pastemark.h"
#include "core/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int localised;
	if (!localised++ && !setlocale(LC_ALL, "C.UTF-8"))
		abort();
	if (size == 0)
		return 0;
	size_t step = data[0] % 16 + 1, n = size - 1;
	const char *b = (const char *)data + 1;
	paste_mark whole = {0}, cut = {0};
	pm_start(&whole, 256, 5000, 30000, 0);
	pm_start(&cut, 256, 5000, 30000, 0);
	size_t took_whole = pm_feed(&whole, b, n, 0), took_cut = 0;
	for (size_t at = 0; at < n && cut.state == PM_READING; at += step)
		took_cut += pm_feed(&cut, b + at, n - at < step ? n - at : step, 0);
	if (took_whole != took_cut || whole.state != cut.state || whole.bad_at != cut.bad_at)
		abort();
	const char *t = pm_text(&whole);
	uint32_t cp;
	if (whole.state == PM_DONE && (strcmp(t, pm_text(&cut)) || !utf8_valid(t, strlen(t)) ||
				       utf8_first_unsafe(t, strlen(t), &cp))) /* no invisible character taken */
		abort();
	pm_free(&whole);
	pm_free(&cut);
	return 0;
}
