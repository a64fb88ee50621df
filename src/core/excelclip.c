/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "core/excelclip.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/xalloc.h"

/* One quoted cell from just after its opening quote: its text into b, and
 * where its closing quote is, or NULL when it never closes. *broken: it
 * holds a line break or a Tab. */
static const char *quoted(const char *p, const char *end, strbuf *b, bool *broken)
{
	while (p < end) {
		if (*p == '"') {
			if (p + 1 < end && p[1] == '"') {
				sb_addc(b, '"');
				p += 2;
				continue;
			}
			return p;
		}
		if (*p == '\r' || *p == '\n' || *p == '\t')
			*broken = true;
		if (*p == '\r') { /* CRLF (or a lone CR): one line end, as textareas store it */
			sb_addc(b, '\n');
			p += p + 1 < end && p[1] == '\n' ? 2 : 1;
			continue;
		}
		sb_addc(b, *p++);
	}
	return NULL;
}

char **excel_clip_cells(const char *text, size_t *n)
{
	const char *p = text, *end = text + strlen(text);
	/* the row's line end: CRLF, or what a terminal makes of it (CR CR, LF) */
	while (end > p && (end[-1] == '\n' || end[-1] == '\r'))
		end--;
	char **cells = NULL;
	size_t k = 0, cap = 0, nquoted = 0;
	bool ok = true;
	while (ok) {
		strbuf b = {0};
		if (*p == '"' && p < end) {
			bool broken = false;
			const char *close = quoted(p + 1, end, &b, &broken);
			/* Excel quotes a cell for its line break; closed before a Tab or the end */
			ok = close && broken && (close + 1 == end || close[1] == '\t');
			p = close ? close + 1 : end;
			nquoted++;
		} else {
			size_t len = strcspn(p, "\t\r\n");
			if (p + len > end)
				len = (size_t)(end - p);
			sb_add(&b, p, len);
			p += len;
			ok = p == end || *p == '\t'; /* a line end outside quotes: another row */
		}
		if (k == cap)
			cells = xrealloc(cells, (cap = cap ? 2 * cap : 8) * sizeof *cells);
		cells[k++] = sb_take(&b);
		if (!ok || p == end)
			break;
		p++; /* the Tab */
	}
	if (!ok || !nquoted) {
		excel_clip_free(cells, k);
		return NULL;
	}
	*n = k;
	return cells;
}

void excel_clip_free(char **cells, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(cells[i]);
	free(cells);
}
