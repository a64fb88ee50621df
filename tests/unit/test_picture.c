/* SPDX-License-Identifier: MulanPSL-2.0 */
/* A picture's content hash (t5h #11): the same PNG or JPEG with a comment,
 * EXIF, a split IDAT or bytes after its end is the same picture; other
 * pixels are not (the controls). A PDF ends at its first %%EOF. A broken
 * file is its bytes; hostile lengths, truncations and random damage end
 * the walk safely (run under ASan/UBSan). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sodium.h>

#include "core/picture.h"

typedef struct {
	unsigned char *p;
	size_t n, cap;
} buf;

static void put(buf *b, const void *p, size_t n)
{
	if (!n)
		return;
	if (b->n + n > b->cap) {
		b->cap = (b->n + n) * 2;
		b->p = realloc(b->p, b->cap);
		assert_non_null(b->p);
	}
	memcpy(b->p + b->n, p, n);
	b->n += n;
}

static void put_be32(buf *b, uint32_t v)
{
	unsigned char x[4] = {(unsigned char)(v >> 24), (unsigned char)(v >> 16), (unsigned char)(v >> 8),
			      (unsigned char)v};
	put(b, x, 4);
}

/* A chunk: length, type, data, a CRC (never checked: not the picture). */
static void chunk(buf *b, const char *type, const void *data, size_t n)
{
	put_be32(b, (uint32_t)n);
	put(b, type, 4);
	put(b, data, n);
	put_be32(b, 0x12345678);
}

static const unsigned char ihdr[13] = {0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0};

/* A PNG: IHDR, an ancillary chunk where asked, IDAT in parts, IEND. */
static buf png(const char *pixels, int parts, const char *text)
{
	buf b = {0};
	put(&b, "\x89PNG\r\n\x1a\n", 8);
	chunk(&b, "IHDR", ihdr, sizeof ihdr);
	if (text)
		chunk(&b, "tEXt", text, strlen(text));
	size_t n = strlen(pixels), step = n / (size_t)parts;
	for (int i = 0; i < parts; i++)
		chunk(&b, "IDAT", pixels + (size_t)i * step, i == parts - 1 ? n - (size_t)i * step : step);
	chunk(&b, "IEND", "", 0);
	return b;
}

static void seg(buf *b, unsigned char marker, const void *data, size_t n)
{
	unsigned char m[4] = {0xFF, marker, (unsigned char)((n + 2) >> 8), (unsigned char)(n + 2)};
	put(b, m, 4);
	put(b, data, n);
}

/* A JPEG: SOI, APP0 (JFIF), an EXIF and a comment where asked, tables,
 * a frame, a scan whose data has stuffed 0xFF and a restart marker, EOI. */
static buf jpeg(const char *scan, bool exif, const char *comment)
{
	buf b = {0};
	put(&b, "\xFF\xD8", 2);
	seg(&b, 0xE0, "JFIF\0\1\1\0\0\1\0\1\0\0", 14);
	if (exif)
		seg(&b, 0xE1, "Exif\0\0MM\0*\0\0\0\x08 edited on a phone", 32);
	if (comment)
		seg(&b, 0xFE, comment, strlen(comment));
	seg(&b, 0xDB, "\0quantisation-table", 19);
	seg(&b, 0xC0, "\x08\0\1\0\1\1\1\x11\0", 9);
	seg(&b, 0xC4, "\0huffman-table", 14);
	seg(&b, 0xDA, "\1\1\0\0\x3F\0", 6);
	put(&b, scan, strlen(scan));
	put(&b, "\xFF\0data\xFF\xD3more", 12);
	put(&b, "\xFF\xD9", 2);
	return b;
}

static void hash_of(const char *type, const buf *b, unsigned char out[PICTURE_HASH])
{
	picture_hash_mem(type, b->p, b->n, out);
}

static bool same(const char *type, const buf *a, const buf *b)
{
	unsigned char x[PICTURE_HASH], y[PICTURE_HASH];
	hash_of(type, a, x);
	hash_of(type, b, y);
	return memcmp(x, y, PICTURE_HASH) == 0;
}

/* The hash of the bytes, as the exact check has it. */
static bool is_bytes(const char *type, const buf *b)
{
	unsigned char x[PICTURE_HASH], y[PICTURE_HASH];
	hash_of(type, b, x);
	crypto_generichash(y, sizeof y, b->p, b->n, NULL, 0);
	return memcmp(x, y, PICTURE_HASH) == 0;
}

static void png_metadata_and_tail_ignored(void **state)
{
	(void)state;
	buf a = png("pixels-of-the-photo", 1, NULL), b = png("pixels-of-the-photo", 1, "Comment\0made by an editor"),
	    c = png("pixels-of-the-photo", 3, NULL), d = png("pixels-of-the-photo", 1, NULL),
	    other = png("pixels-of-another-photo", 1, NULL);
	put(&d, "\0", 1); /* one byte after IEND */
	assert_true(same("PNG", &a, &b));
	assert_true(same("PNG", &a, &c));
	assert_true(same("PNG", &a, &d));
	assert_false(same("PNG", &a, &other)); /* control: other pixels */
	assert_false(is_bytes("PNG", &a));      /* the picture's, not the bytes' */
	/* a PNG walked as another type is its bytes */
	assert_true(is_bytes("JPEG", &a));
	assert_true(is_bytes("XLSX", &a));
	free(a.p), free(b.p), free(c.p), free(d.p), free(other.p);
}

static void jpeg_metadata_and_tail_ignored(void **state)
{
	(void)state;
	buf a = jpeg("entropy-coded", false, NULL), b = jpeg("entropy-coded", true, NULL),
	    c = jpeg("entropy-coded", false, "a comment"), d = jpeg("entropy-coded", true, "x"),
	    other = jpeg("entropy-c0ded", false, NULL);
	put(&d, "trailing bytes", 14);
	assert_true(same("JPEG", &a, &b));
	assert_true(same("JPEG", &a, &c));
	assert_true(same("JPEG", &a, &d));
	assert_false(same("JPEG", &a, &other)); /* control: another scan */
	assert_false(is_bytes("JPEG", &a));
	/* fill bytes before a marker are allowed */
	buf e = {0};
	put(&e, a.p, 2);
	put(&e, "\xFF\xFF", 2);
	put(&e, a.p + 2, a.n - 2);
	assert_false(is_bytes("JPEG", &e));
	assert_true(same("JPEG", &a, &e));
	free(a.p), free(b.p), free(c.p), free(d.p), free(e.p), free(other.p);
}

/* A scan and an IDAT longer than the reading window. */
static void across_windows(void **state)
{
	(void)state;
	size_t n = 200000;
	char *big = malloc(n + 1);
	assert_non_null(big);
	for (size_t i = 0; i < n; i++)
		big[i] = (char)('a' + i % 26);
	big[n] = '\0';
	buf a = jpeg(big, false, NULL), b = jpeg(big, true, "c");
	assert_true(same("JPEG", &a, &b));
	assert_false(is_bytes("JPEG", &a));
	buf p = png(big, 1, NULL), q = png(big, 4, "t");
	assert_true(same("PNG", &p, &q));
	free(a.p), free(b.p), free(p.p), free(q.p), free(big);
}

static void pdf_ends_at_eof(void **state)
{
	(void)state;
	buf a = {0}, b = {0}, c = {0};
	put(&a, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", 45);
	put(&b, a.p, a.n);
	put(&b, "\0\0junk", 6);
	put(&c, "%PDF-1.4\n2 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", 45);
	assert_true(same("PDF", &a, &b));
	assert_false(same("PDF", &a, &c)); /* control: another document */
	buf no_eof = {0};
	put(&no_eof, "%PDF-1.4 never ended", 20);
	assert_true(is_bytes("PDF", &no_eof));
	free(a.p), free(b.p), free(c.p), free(no_eof.p);
}

/* t7h #6: a comment and a second %%EOF appended (an incremental save) is
 * the same document, also when the first %%EOF straddles the reader's
 * 64 KiB windows; another body before it is not (the controls). */
static void pdf_ends_at_first_eof(void **state)
{
	(void)state;
	static const char tail[] = "%kepu\n%%EOF\n";
	buf a = {0}, b = {0}, big = {0}, big2 = {0}, other = {0};
	put(&a, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", 45);
	put(&b, a.p, a.n);
	put(&b, tail, sizeof tail - 1);
	assert_true(same("PDF", &a, &b));
	char *fill = malloc(65534);
	memset(fill, 'x', 65534);
	memcpy(fill, "%PDF-1.4\n", 9);
	put(&big, fill, 65534);
	put(&big, "%%EOF\n", 6); /* from byte 65534: across the first window's end */
	put(&big2, big.p, big.n);
	put(&big2, tail, sizeof tail - 1);
	assert_true(same("PDF", &big, &big2));
	fill[100] = 'y';
	put(&other, fill, 65534);
	put(&other, "%%EOF\n", 6);
	put(&other, tail, sizeof tail - 1);
	assert_false(same("PDF", &big2, &other));
	free(fill);
	free(a.p), free(b.p), free(big.p), free(big2.p), free(other.p);
}

/* A structure that does not hold is its bytes: no IEND, a length past the
 * end or beyond 2^31, IHDR not first; a JPEG without EOI, a length under 2,
 * a scan running off the end. */
static void broken_files_are_bytes(void **state)
{
	(void)state;
	buf a = png("pixels", 1, NULL);
	buf cut = {0};
	put(&cut, a.p, a.n - 12); /* no IEND */
	assert_true(is_bytes("PNG", &cut));
	buf huge = {0};
	put(&huge, a.p, 8);
	put_be32(&huge, 0xFFFFFFF0u);
	put(&huge, "IHDR", 4);
	put(&huge, a.p + 16, a.n - 16);
	assert_true(is_bytes("PNG", &huge));
	buf past = {0};
	put(&past, a.p, 8);
	put_be32(&past, 0x7FFFFFF0u);
	put(&past, a.p + 12, a.n - 12);
	assert_true(is_bytes("PNG", &past));
	buf first = {0};
	put(&first, "\x89PNG\r\n\x1a\n", 8);
	chunk(&first, "IDAT", "x", 1);
	chunk(&first, "IEND", "", 0);
	assert_true(is_bytes("PNG", &first));
	buf j = jpeg("scan", false, NULL);
	buf no_eoi = {0};
	put(&no_eoi, j.p, j.n - 2);
	assert_true(is_bytes("JPEG", &no_eoi));
	buf short_len = {0};
	put(&short_len, "\xFF\xD8\xFF\xDB\0\1", 6);
	put(&short_len, "\xFF\xD9", 2);
	assert_true(is_bytes("JPEG", &short_len));
	buf empty = {0};
	assert_true(is_bytes("PNG", &empty) && is_bytes("JPEG", &empty) && is_bytes("PDF", &empty));
	free(a.p), free(cut.p), free(huge.p), free(past.p), free(first.p), free(j.p), free(no_eoi.p);
	free(short_len.p), free(empty.p);
}

/* Every prefix and many random damages of both pictures: the walk ends,
 * reads nothing outside the file (ASan), and a prefix short of the end
 * marker is its bytes. */
static void hostile_damage(void **state)
{
	(void)state;
	buf files[2] = {png("damaged-pixels-of-a-photo", 3, "comment"), jpeg("damaged-scan", true, "c")};
	const char *types[2] = {"PNG", "JPEG"};
	unsigned char h[PICTURE_HASH];
	for (int f = 0; f < 2; f++) {
		buf *b = &files[f];
		for (size_t n = 0; n < b->n - (f ? 2 : 12); n++) {
			buf pre = {0};
			put(&pre, b->p, n);
			assert_true(is_bytes(types[f], &pre));
			free(pre.p);
		}
		unsigned seed = 12345;
		for (int round = 0; round < 3000; round++) {
			unsigned char *copy = malloc(b->n);
			assert_non_null(copy);
			memcpy(copy, b->p, b->n);
			for (int k = 0; k < 1 + round % 4; k++) {
				seed = seed * 1103515245u + 12345u;
				copy[(seed >> 8) % b->n] = (unsigned char)(seed >> 16);
			}
			picture_hash_mem(types[f], copy, b->n, h);
			free(copy);
		}
		free(b->p);
	}
}

static bool failing_read(void *ctx, uint64_t off, void *out, size_t n)
{
	(void)ctx, (void)off, (void)out, (void)n;
	return false;
}

static void read_error_said(void **state)
{
	(void)state;
	unsigned char h[PICTURE_HASH];
	assert_false(picture_hash("PNG", 100, failing_read, NULL, h));
	assert_false(picture_hash("DOCX", 100, failing_read, NULL, h));
	assert_true(picture_hash("DOCX", 0, failing_read, NULL, h)); /* control: nothing to read */
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(png_metadata_and_tail_ignored),
		cmocka_unit_test(jpeg_metadata_and_tail_ignored),
		cmocka_unit_test(across_windows),
		cmocka_unit_test(pdf_ends_at_eof),
		cmocka_unit_test(pdf_ends_at_first_eof),
		cmocka_unit_test(broken_files_are_bytes),
		cmocka_unit_test(hostile_damage),
		cmocka_unit_test(read_error_said),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
