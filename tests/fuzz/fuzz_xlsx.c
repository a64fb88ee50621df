/* SPDX-License-Identifier: MulanPSL-2.0 */
/* libFuzzer: the .xlsx reader (zip, workbook, relations, shared strings,
 * styles, the sheet) on arbitrary files, as an import reads them: the first
 * sheet as CSV (a list), and every sheet's cells and merged ranges (the
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *in = tmpfile(); /* minizip seeks, as in a real file */
	if (!in)
		return 0;
	fwrite(data, 1, size, in);
	char *err = NULL;
	FILE *csv = xlsx_to_csv(in, "fuzz.xlsx", &err);
	if (csv)
		fclose(csv);
	free(err);
	err = NULL;
	xlsx_each_sheet(in, "fuzz.xlsx", each, NULL, &err);
	free(err);
	fclose(in);
	return 0;
}
