/* SPDX-License-Identifier: MulanPSL-2.0 */
/* libFuzzer: a picture's content hash (core/picture.c) on arbitrary files,
 * through a reader that gives only the file's bytes (ASan: nothing read
 * outside them). The first byte chooses: walked as PNG, JPEG or PDF as
 * they come; or a PNG made around the rest, so the pixel decoder is
 * reached past the container: 13 bytes of IHDR (any width, height, depth,
 * colour type, interlace), a palette and a tRNS of lengths the input says,
 * then rows deflated here (every stream inflates) or taken as the deflate
 * stream itself (inflate's errors, a stream ending early or late). A walk
 * that ends must give the same hash twice. */
#include <sodium.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "core/picture.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct {
	uint8_t *p;
	size_t n;
} out;

static void put(out *o, const void *p, size_t n)
{
	if (n)
		memcpy(o->p + o->n, p, n);
	o->n += n;
}

static void chunk(out *o, const char *type, const uint8_t *p, size_t n)
{
	uint8_t be[4] = {(uint8_t)(n >> 24), (uint8_t)(n >> 16), (uint8_t)(n >> 8), (uint8_t)n};
	put(o, be, 4);
	put(o, type, 4);
	put(o, p, n);
	put(o, "CRC!", 4);
}

/* The PNG around data: IHDR, PLTE and tRNS of the lengths data[13] and
 * data[14] say (as far as data goes), IDAT in two chunks, IEND. */
static size_t png_around(const uint8_t *d, size_t n, bool deflate_here, uint8_t *file, size_t cap)
{
	if (n < 15)
		return 0;
	size_t plte = (size_t)d[13] * 3 % 800, trns = d[14];
	const uint8_t *rest = d + 15;
	size_t left = n - 15;
	plte = plte < left ? plte : left;
	const uint8_t *pl = rest;
	rest += plte, left -= plte;
	trns = trns < left ? trns : left;
	const uint8_t *tr = rest;
	rest += trns, left -= trns;
	uLongf zn = compressBound((uLong)left);
	uint8_t *z = malloc(zn ? zn : 1);
	if (!z)
		return 0;
	if (deflate_here) {
		if (compress2(z, &zn, rest, (uLong)left, 1) != Z_OK)
			zn = 0;
	} else {
		memcpy(z, rest, left);
		zn = left;
	}
	out o = {file, 0};
	if (8 + 25 + plte + 12 + trns + 12 + zn + 24 + 12 > cap) {
		free(z);
		return 0;
	}
	put(&o, "\x89PNG\r\n\x1a\n", 8);
	chunk(&o, "IHDR", d, 13);
	if (plte)
		chunk(&o, "PLTE", pl, plte);
	if (trns)
		chunk(&o, "tRNS", tr, trns);
	chunk(&o, "IDAT", z, zn / 2);
	chunk(&o, "IDAT", z + zn / 2, zn - zn / 2);
	chunk(&o, "IEND", (const uint8_t *)"", 0);
	free(z);
	return o.n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const types[] = {"PNG", "JPEG", "PDF", "PNG", "PNG"};
	if (size < 1)
		return 0;
	if (sodium_init() < 0)
		abort();
	int kind = data[0] % 5;
	const char *type = types[kind];
	/* a copy of exactly the file's size: a read past it is ASan's */
	size_t n = size - 1, cap = 2 * n + 1024;
	uint8_t *made = NULL, *file;
	if (kind >= 3) {
		if (!(made = malloc(cap)))
			return 0;
		n = png_around(data + 1, n, kind == 3, made, cap);
	}
	if (!(file = malloc(n ? n : 1))) {
		free(made);
		return 0;
	}
	memcpy(file, made ? made : data + 1, n);
	free(made);
	unsigned char a[PICTURE_HASH], b[PICTURE_HASH];
	picture_hash_mem(type, file, n, a);
	picture_hash_mem(type, file, n, b);
	if (memcmp(a, b, sizeof a))
		abort();
	free(file);
	return 0;
}
