/* SPDX-License-Identifier: MulanPSL-2.0 */
/* libFuzzer: the .xlsx reader (zip, workbook, relations, shared strings,
 * styles, the sheet) on arbitrary files, as an import reads them: every
 * sheet as CSV with its cells' kinds (a list), and every sheet's cells and merged ranges (the
 * one-record forms paper_read.c reads). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "domain/xlsx_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every cell looked up again, and every merged range's first cell. */
static int each(void *ctx, const xlsx_sheet *s, char **err)
{
	(void)ctx;
	(void)err;
	for (size_t i = 0; i < s->ncells; i++)
		if (xlsx_sheet_at(s, s->cells[i].row, s->cells[i].col) == NULL)
			abort(); /* a cell kept must be found */
	for (size_t i = 0; i < s->nmerged; i++)
		(void)xlsx_sheet_at(s, s->merged[i].row1, s->merged[i].col1);
	return 0;
}

/* The kinds looked up over the sheet's corner (any answer, never a crash). */
static int each_csv(void *ctx, xlsx_csv *s, char **err)
{
	(void)ctx;
	(void)err;
	for (int row = 1; row < 64; row++)
		for (int col = 0; col < 64; col++)
			(void)xlsx_kind_at(s->kinds, row, col);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *in = tmpfile(); /* minizip seeks, as in a real file */
	if (!in)
		return 0;
	fwrite(data, 1, size, in);
	char *err = NULL;
	xlsx_each_csv(in, "fuzz.xlsx", each_csv, NULL, &err);
	free(err);
	err = NULL;
	xlsx_each_sheet(in, "fuzz.xlsx", each, NULL, &err);
	free(err);
	fclose(in);
	return 0;
}
