/* SPDX-License-Identifier: MulanPSL-2.0 */
/* A picture's content hash (t5h #11, t6h): the same PNG or JPEG with a
 * comment, EXIF, a split IDAT or bytes after its end is the same picture;
 * so is a PNG re-encoded (zlib level, filters, colour type) and a JPEG
 * whose tables are in another order; other pixels are not (the controls). A PDF ends at its last %%EOF. A broken
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
#include <zlib.h>

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

/* Real PNGs, written here: the same pixels at another zlib level, with
 * other row filters, as another colour type. */
typedef struct {
	uint32_t w, h;
	int color, depth, level, filter; /* filter -1: the five in turn */
	int parts;                       /* IDAT chunks */
	bool interlace, cut;             /* cut: the stream's last bytes dropped */
	const unsigned char *plte;       /* palette (RGB) of color 3 */
	int nplte;
	const unsigned char *trns;
	int ntrns;
} png_spec;

/* A CRC'd chunk: the walk never checks it, a viewer does. */
static void chunk_crc(buf *b, const char *type, const void *data, size_t n)
{
	put_be32(b, (uint32_t)n);
	put(b, type, 4);
	put(b, data, n);
	uLong c = crc32(crc32(0, (const Bytef *)type, 4), (const Bytef *)data, (uInt)n);
	put_be32(b, (uint32_t)c);
}

static unsigned char paeth_of(int a, int b, int c)
{
	int p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c);
	return (unsigned char)(pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
}

/* raw: the unfiltered rows (row bytes each) of the spec's samples. */
static buf png_real(const png_spec *sp, const unsigned char *raw, size_t row)
{
	size_t bpp = 0;
	int ch = sp->color == 0 || sp->color == 3 ? 1 : sp->color == 4 ? 2 : sp->color == 2 ? 3 : 4;
	bpp = (size_t)(ch * sp->depth + 7) / 8;
	buf f = {0};
	unsigned char *zero = calloc(1, row), *line = malloc(row + 1);
	assert_non_null(zero);
	assert_non_null(line);
	for (uint32_t y = 0; y < sp->h; y++) {
		const unsigned char *x = raw + (size_t)y * row, *up = y ? x - row : zero;
		int ft = sp->filter < 0 ? (int)(y % 5) : sp->filter;
		line[0] = (unsigned char)ft;
		for (size_t i = 0; i < row; i++) {
			int a = i >= bpp ? x[i - bpp] : 0, b = up[i], c = i >= bpp ? up[i - bpp] : 0;
			int pred = ft == 0 ? 0 : ft == 1 ? a : ft == 2 ? b : ft == 3 ? (a + b) / 2 : paeth_of(a, b, c);
			line[1 + i] = (unsigned char)(x[i] - pred);
		}
		put(&f, line, row + 1);
	}
	uLongf zn = compressBound((uLong)f.n);
	unsigned char *z = malloc(zn);
	assert_non_null(z);
	assert_int_equal(compress2(z, &zn, f.p, (uLong)f.n, sp->level), Z_OK);
	if (sp->cut)
		zn -= zn / 3;
	buf b = {0};
	put(&b, "\x89PNG\r\n\x1a\n", 8);
	unsigned char hd[13] = {(unsigned char)(sp->w >> 24), (unsigned char)(sp->w >> 16), (unsigned char)(sp->w >> 8),
				(unsigned char)sp->w,	      (unsigned char)(sp->h >> 24), (unsigned char)(sp->h >> 16),
				(unsigned char)(sp->h >> 8),  (unsigned char)sp->h,	    (unsigned char)sp->depth,
				(unsigned char)sp->color,     0,			    0,
				sp->interlace};
	chunk_crc(&b, "IHDR", hd, 13);
	if (sp->plte)
		chunk_crc(&b, "PLTE", sp->plte, (size_t)sp->nplte * 3);
	if (sp->trns)
		chunk_crc(&b, "tRNS", sp->trns, (size_t)sp->ntrns);
	int parts = sp->parts ? sp->parts : 1;
	size_t step = zn / (size_t)parts;
	for (int i = 0; i < parts; i++)
		chunk_crc(&b, "IDAT", z + (size_t)i * step, i == parts - 1 ? zn - (size_t)i * step : step);
	chunk_crc(&b, "IEND", "", 0);
	free(z), free(f.p), free(zero), free(line);
	return b;
}

/* A small picture of 5 colours (so a palette holds it), as RGB, RGBA,
 * palette or (gray: r = g = b) gray and gray+alpha; alpha 255 unless
 * translucent, where one colour is transparent (alpha 0). */
#define PW 13 /* odd: a row's bytes are no multiple of anything */
#define PH 9
static const unsigned char colours[5][3] = {{10, 20, 30}, {200, 100, 0}, {0, 0, 0}, {255, 255, 255}, {17, 34, 51}};

static int colour_at(uint32_t x, uint32_t y)
{
	return (int)((x * 3 + y * 7 + x * y) % 5);
}

static buf picture(int color, int level, int filter, bool gray, bool translucent, int changed)
{
	unsigned char raw[PH * PW * 4];
	unsigned char plte[15], trns[5];
	int ch = color == 0 || color == 3 ? 1 : color == 4 ? 2 : color == 2 ? 3 : 4;
	for (int i = 0; i < 5; i++) {
		for (int j = 0; j < 3; j++)
			plte[i * 3 + j] = gray ? colours[i][0] : colours[i][j];
		trns[i] = translucent && i == 2 ? 0 : 255;
	}
	for (uint32_t y = 0; y < PH; y++)
		for (uint32_t x = 0; x < PW; x++) {
			int k = colour_at(x, y);
			unsigned char px[4] = {plte[k * 3], plte[k * 3 + 1], plte[k * 3 + 2], trns[k]};
			if ((int)(y * PW + x) == changed)
				px[0] ^= 1;
			unsigned char *o = raw + (y * PW + x) * (uint32_t)ch;
			if (color == 3)
				o[0] = (unsigned char)k;
			else if (color == 0 || color == 4)
				o[0] = px[0], o[ch - 1] = color == 4 ? px[3] : o[0];
			else
				memcpy(o, px, (size_t)ch);
		}
	png_spec sp = {PW, PH, color, 8, level, filter, 2, false, false, color == 3 ? plte : NULL, 5,
		       color == 3 && translucent ? trns : NULL, 5};
	return png_real(&sp, raw, (size_t)PW * (size_t)ch);
}

/* One picture, many encodings: every zlib level 0, 1, 9, each filter type
 * and a mix of them, RGB, opaque RGBA and a palette hash alike; the hash
 * is not the chunks' (a level-1 and a level-9 file differ in bytes). One
 * changed pixel is another picture (the control). */
static void png_pixels_whatever_encoding(void **state)
{
	(void)state;
	buf ref = picture(2, 9, 0, false, false, -1);
	for (int level = 0; level <= 9; level += level == 1 ? 8 : 1)
		for (int filter = -1; filter <= 4; filter++) {
			buf b = picture(2, level, filter, false, false, -1);
			assert_true(same("PNG", &ref, &b));
			free(b.p);
		}
	buf lvl1 = picture(2, 1, 0, false, false, -1), rgba = picture(6, 6, 4, false, false, -1),
	    pal = picture(3, 9, -1, false, false, -1);
	assert_false(lvl1.n == ref.n && !memcmp(lvl1.p, ref.p, ref.n)); /* other bytes */
	assert_true(same("PNG", &ref, &rgba));
	assert_true(same("PNG", &ref, &pal));
	for (int at = 0; at < PW * PH; at += 37) { /* the control: one pixel */
		buf one = picture(2, 9, 0, false, false, at), one_pal = picture(6, 1, -1, false, false, at);
		assert_false(same("PNG", &ref, &one));
		assert_true(same("PNG", &one, &one_pal));
		free(one.p), free(one_pal.p);
	}
	free(ref.p), free(lvl1.p), free(rgba.p), free(pal.p);
}

/* Gray, gray+alpha, RGB and a gray palette of the same grays; a palette's
 * transparency (tRNS) is RGBA's alpha. */
static void png_gray_and_alpha(void **state)
{
	(void)state;
	buf g = picture(0, 9, 1, true, false, -1), ga = picture(4, 1, 2, true, false, -1),
	    rgb = picture(2, 9, 3, true, false, -1), pal = picture(3, 0, 4, true, false, -1),
	    colour = picture(2, 9, 3, false, false, -1);
	assert_true(same("PNG", &g, &ga));
	assert_true(same("PNG", &g, &rgb));
	assert_true(same("PNG", &g, &pal));
	assert_false(same("PNG", &g, &colour)); /* control: other colours */
	buf pal_t = picture(3, 9, 0, false, true, -1), rgba_t = picture(6, 9, -1, false, true, -1),
	    rgba_o = picture(6, 9, -1, false, false, -1);
	assert_true(same("PNG", &pal_t, &rgba_t));
	assert_false(same("PNG", &pal_t, &rgba_o)); /* control: opaque */
	free(g.p), free(ga.p), free(rgb.p), free(pal.p), free(colour.p), free(pal_t.p), free(rgba_t.p), free(rgba_o.p);
}

/* Gray of 1, 2, 4 and 16 bits: a 1-bit picture is an 8-bit one of 0 and
 * 255; 16 bits are hashed exactly (not rounded to 8), so a 16-bit picture
 * equals its 16-bit RGB, never an 8-bit one; a gray key (tRNS) is alpha 0. */
static void png_depths(void **state)
{
	(void)state;
	enum { W = 19, H = 5 };
	unsigned char bits1[H][3] = {{0}}, gray8[H][W], gray16[H][W * 2], rgb16[H][W * 6], ga8[H][W * 2];
	for (int y = 0; y < H; y++)
		for (int x = 0; x < W; x++) {
			int on = (x * y + x) % 3 == 0;
			bits1[y][x / 8] |= (unsigned char)(on << (7 - x % 8));
			gray8[y][x] = on ? 255 : 0;
			gray16[y][2 * x] = rgb16[y][6 * x] = rgb16[y][6 * x + 2] = rgb16[y][6 * x + 4] = (unsigned char)(on ? 0xAB : 1);
			gray16[y][2 * x + 1] = rgb16[y][6 * x + 1] = rgb16[y][6 * x + 3] = rgb16[y][6 * x + 5] = 0xCD;
			ga8[y][2 * x] = gray8[y][x];
			ga8[y][2 * x + 1] = on ? 0 : 255; /* the key below: white transparent */
		}
	png_spec s1 = {W, H, 0, 1, 9, -1, 1, false, false, NULL, 0, NULL, 0}, s8 = s1, s16 = s1, srgb = s1, sga = s1;
	s8.depth = 8, s16.depth = 16, srgb.depth = 16, srgb.color = 2, sga.color = 4, sga.depth = 8;
	buf a = png_real(&s1, &bits1[0][0], 3), b = png_real(&s8, &gray8[0][0], W),
	    c = png_real(&s16, &gray16[0][0], W * 2), d = png_real(&srgb, &rgb16[0][0], W * 6);
	assert_true(same("PNG", &a, &b));
	assert_true(same("PNG", &c, &d));
	assert_false(same("PNG", &b, &c)); /* control: other samples */
	static const unsigned char white[2] = {0, 1};
	s1.trns = white, s1.ntrns = 2;
	buf keyed = png_real(&s1, &bits1[0][0], 3), ga = png_real(&sga, &ga8[0][0], W * 2);
	assert_true(same("PNG", &keyed, &ga));
	assert_false(same("PNG", &keyed, &a)); /* control: no key, all opaque */
	free(a.p), free(b.p), free(c.p), free(d.p), free(keyed.p), free(ga.p);
}

/* A fully transparent pixel is the same whatever colour it keeps (an
 * optimiser may change it), 8 or 16 bits; one barely visible (alpha 1) is
 * not (the control). */
static void png_clear_pixels(void **state)
{
	(void)state;
	enum { W = 6, H = 3, P = (1 * W + 1) * 4, P16 = (2 * W + 1) * 8 }; /* pixels (1, 1) and (1, 2) */
	unsigned char a[H * W * 4], b[H * W * 4], c[H * W * 4], w16[H * W * 8], v16[H * W * 8];
	for (int i = 0; i < H * W * 4; i++)
		a[i] = b[i] = c[i] = (unsigned char)(i * 13 + 1);
	for (int i = 0; i < H * W * 8; i++)
		w16[i] = v16[i] = (unsigned char)(i * 7 + 3);
	a[P + 3] = b[P + 3] = 0, b[P] = 99; /* clear, another colour in b */
	c[P + 3] = 1, c[P] = 99;            /* barely visible: another picture */
	w16[P16 + 6] = w16[P16 + 7] = v16[P16 + 6] = v16[P16 + 7] = 0, v16[P16] ^= 0xFF;
	png_spec sp = {W, H, 6, 8, 9, -1, 1, false, false, NULL, 0, NULL, 0}, s16 = sp;
	s16.depth = 16;
	buf x = png_real(&sp, a, W * 4), y = png_real(&sp, b, W * 4), z = png_real(&sp, c, W * 4),
	    p = png_real(&s16, w16, W * 8), q = png_real(&s16, v16, W * 8);
	assert_true(same("PNG", &x, &y));
	assert_false(same("PNG", &x, &z));
	assert_true(same("PNG", &p, &q));
	w16[P16 + 7] = 1; /* control: alpha 1 of 65535 */
	buf r = png_real(&s16, w16, W * 8);
	assert_false(same("PNG", &p, &r));
	free(x.p), free(y.p), free(z.p), free(p.p), free(q.p), free(r.p);
}

/* What is not decoded is hashed by its chunks, so two encodings of it
 * differ where decoded ones would not: an interlaced PNG; one above the
 * bounds (wider than 65536 pixels; over 40 megapixels: a 1-bit stream of
 * 5 MB of zeros claiming 65536 × 611, a bomb's shape, refused before any
 * row is inflated); a stream cut short. The same at the bound decodes
 * (the control). */
static bool encodings_alike(uint32_t w, uint32_t h, bool interlace, bool cut)
{
	size_t row = (w + 7) / 8;
	unsigned char *raw = calloc(h, row);
	assert_non_null(raw);
	raw[0] = 0x80;
	png_spec a = {w, h, 0, 1, 1, 0, 3, interlace, cut, NULL, 0, NULL, 0}, b = a;
	b.level = 9, b.filter = 2;
	buf x = png_real(&a, raw, row), y = png_real(&b, raw, row);
	bool alike = same("PNG", &x, &y);
	assert_false(is_bytes("PNG", &x)); /* chunks or pixels: never the bytes */
	free(raw), free(x.p), free(y.p);
	return alike;
}

static void png_bounds_and_fallbacks(void **state)
{
	(void)state;
	assert_true(encodings_alike(64, 8, false, false)); /* control */
	assert_false(encodings_alike(64, 8, true, false));
	assert_false(encodings_alike(64, 8, false, true));
	assert_true(encodings_alike(65536, 2, false, false));
	assert_false(encodings_alike(65537, 2, false, false));
	assert_false(encodings_alike(65536, 611, false, false));
	/* an IHDR of 2^31-1 × 2^31-1 over a few bytes: the chunks' hash */
	buf huge = {0};
	put(&huge, "\x89PNG\r\n\x1a\n", 8);
	chunk_crc(&huge, "IHDR", "\x7f\xff\xff\xff\x7f\xff\xff\xff\x08\x02\0\0\0", 13);
	unsigned char z[64];
	uLongf zn = sizeof z;
	assert_int_equal(compress2(z, &zn, (const Bytef *)"\0\0\0\0\0\0\0\0", 8, 9), Z_OK);
	chunk_crc(&huge, "IDAT", z, zn);
	chunk_crc(&huge, "IEND", "", 0);
	assert_false(is_bytes("PNG", &huge));
	free(huge.p);
}

/* A JPEG whose tables parse: two quantisation tables, two Huffman
 * tables, a restart interval, a frame and a scan; order gives the order
 * of the segments: q quantisation, h Huffman, r restart, f frame; Q both
 * quantisation tables in one segment. */
static buf jpeg_real(const char *order, unsigned char q0, const char *scan)
{
	unsigned char dq0[65] = {0x00}, dq1[65] = {0x01}, both[130];
	for (int i = 1; i < 65; i++)
		dq0[i] = (unsigned char)(q0 + i), dq1[i] = (unsigned char)(100 - i);
	memcpy(both, dq0, 65);
	memcpy(both + 65, dq1, 65);
	unsigned char ht[2][17 + 3] = {{0x00, 1, 2}, {0x10, 0, 3}};
	ht[0][17] = 4, ht[0][18] = 5, ht[0][19] = 6, ht[1][17] = 7, ht[1][18] = 8, ht[1][19] = 9;
	buf b = {0};
	put(&b, "\xFF\xD8", 2);
	seg(&b, 0xE0, "JFIF\0\1\1\0\0\1\0\1\0\0", 14);
	for (const char *o = order; *o; o++)
		switch (*o) {
		case 'q':
			seg(&b, 0xDB, dq0, 65);
			seg(&b, 0xDB, dq1, 65);
			break;
		case 'Q':
			seg(&b, 0xDB, both, 130);
			break;
		case 'h':
			seg(&b, 0xC4, ht[0], 20);
			seg(&b, 0xC4, ht[1], 20);
			break;
		case 'r':
			seg(&b, 0xDD, "\0\x10", 2);
			break;
		case 'f':
			seg(&b, 0xC0, "\x08\0\x10\0\x10\1\1\x11\0", 9);
			break;
		}
	seg(&b, 0xDA, "\1\1\0\0\x3F\0", 6);
	put(&b, scan, strlen(scan));
	put(&b, "\xFF\xD9", 2);
	return b;
}

/* The order of the tables before a scan, or two in one segment, makes no
 * new picture; a changed table or scan byte does (the controls). */
static void jpeg_tables_any_order(void **state)
{
	(void)state;
	buf a = jpeg_real("qhrf", 1, "scan-data"), b = jpeg_real("hqfr", 1, "scan-data"),
	    c = jpeg_real("fQrh", 1, "scan-data"), d = jpeg_real("qqhrfh", 1, "scan-data"),
	    q = jpeg_real("qhrf", 2, "scan-data"), s = jpeg_real("qhrf", 1, "scan-dat4"),
	    nr = jpeg_real("qhf", 1, "scan-data");
	assert_true(same("JPEG", &a, &b));
	assert_true(same("JPEG", &a, &c));
	assert_true(same("JPEG", &a, &d)); /* the same tables again: the last in force */
	assert_false(same("JPEG", &a, &q));
	assert_false(same("JPEG", &a, &s));
	assert_false(same("JPEG", &a, &nr));
	assert_false(is_bytes("JPEG", &a));
	free(a.p), free(b.p), free(c.p), free(d.p), free(q.p), free(s.p), free(nr.p);
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
	buf files[4] = {png("damaged-pixels-of-a-photo", 3, "comment"), jpeg("damaged-scan", true, "c"),
			picture(3, 9, -1, false, true, -1), jpeg_real("qhrf", 1, "damaged-scan")};
	const char *types[4] = {"PNG", "JPEG", "PNG", "JPEG"};
	unsigned char h[PICTURE_HASH];
	for (int f = 0; f < 4; f++) {
		buf *b = &files[f];
		for (size_t n = 0; n < b->n - (f % 2 ? 2 : 12); n++) {
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
		cmocka_unit_test(png_pixels_whatever_encoding),
		cmocka_unit_test(png_gray_and_alpha),
		cmocka_unit_test(png_depths),
		cmocka_unit_test(png_clear_pixels),
		cmocka_unit_test(png_bounds_and_fallbacks),
		cmocka_unit_test(jpeg_tables_any_order),
		cmocka_unit_test(broken_files_are_bytes),
		cmocka_unit_test(hostile_damage),
		cmocka_unit_test(read_error_said),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
