/* SPDX-License-Identifier: MulanPSL-2.0 */
/* libFuzzer: a picture's content hash (core/picture.c) on arbitrary files,
 * walked as PNG, JPEG and PDF (the first byte chooses), through a reader
 * that gives only the file's bytes (ASan: nothing read outside them). A
 * walk that ends must give the same hash twice. */
#include <sodium.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/picture.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const types[] = {"PNG", "JPEG", "PDF"};
	if (size < 1)
		return 0;
	if (sodium_init() < 0)
		abort();
	const char *type = types[data[0] % 3];
	/* a copy of exactly the file's size: a read past it is ASan's */
	uint8_t *file = malloc(size - 1 ? size - 1 : 1);
	if (!file)
		return 0;
	memcpy(file, data + 1, size - 1);
	unsigned char a[PICTURE_HASH], b[PICTURE_HASH];
	picture_hash_mem(type, file, size - 1, a);
	picture_hash_mem(type, file, size - 1, b);
	if (memcmp(a, b, sizeof a))
		abort();
	free(file);
	return 0;
}
