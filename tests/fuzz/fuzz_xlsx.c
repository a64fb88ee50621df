/* libFuzzer: the .xlsx reader (zip, workbook, relations, shared strings,
 * styles, the sheet) on arbitrary files, as an import reads them. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "domain/xlsx_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
	fclose(in);
	return 0;
}
