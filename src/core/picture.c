/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "core/picture.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "core/xalloc.h"

#define WINDOW 65536

/* The file read a window at a time: a 20 MiB photo is never whole in
 * memory, and a byte-by-byte walk reads each window once. */
typedef struct {
	picture_read_fn read;
	void *ctx;
	uint64_t size;
	unsigned char *buf;
	uint64_t base;
	size_t have;
	bool failed; /* a read failed: nothing can be said of the file */
} src;

/* The byte at off; -1 past the end or after a failed read. */
static int at(src *s, uint64_t off)
{
	if (off >= s->size || s->failed)
		return -1;
	if (off < s->base || off - s->base >= s->have) {
		size_t n = s->size - off < WINDOW ? (size_t)(s->size - off) : WINDOW;
		if (!s->read(s->ctx, off, s->buf, n)) {
			s->failed = true;
			return -1;
		}
		s->base = off;
		s->have = n;
	}
	return s->buf[off - s->base];
}

static bool get(src *s, uint64_t off, unsigned char *out, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int c = at(s, off + i);
		if (c < 0)
			return false;
		out[i] = (unsigned char)c;
	}
	return true;
}

/* Bytes [off, off + n) into the hash. */
static bool feed(src *s, crypto_generichash_state *h, uint64_t off, uint64_t n)
{
	while (n > 0) {
		if (at(s, off) < 0)
			return false;
		size_t k = s->have - (size_t)(off - s->base);
		if (k > n)
			k = (size_t)n;
		crypto_generichash_update(h, s->buf + (off - s->base), k);
		off += k;
		n -= k;
	}
	return true;
}

static void feed_mem(crypto_generichash_state *h, const void *p, size_t n)
{
	crypto_generichash_update(h, p, n);
}

/* The chunk at off: its length and type, when its data and CRC fit in the
 * file. */
static bool chunk_at(src *s, uint64_t off, uint32_t *len, unsigned char type[4])
{
	unsigned char b[8];
	if (!get(s, off, b, 8))
		return false;
	*len = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
	memcpy(type, b + 4, 4);
	/* get() read [off, off + 8): the data and its CRC must fit after */
	return *len <= 0x7FFFFFFFu && s->size - off - 8 >= (uint64_t)*len + 4;
}

static const unsigned char png_sig[8] = {0x89, 'P', 'N', 'G', 13, 10, 26, 10};

/* Chunks of length, type, data, CRC after the signature; IHDR first. A
 * critical chunk has an upper-case first letter (bit 5 clear). IDAT's
 * data is one stream however an editor splits it, so a type is hashed
 * where it changes, not per chunk. What a PNG whose pixels are not
 * decoded (interlaced, too big, damaged) is hashed by. */
static bool png_chunks(src *s, crypto_generichash_state *h)
{
	unsigned char b[8], last[4] = {0};
	if (!get(s, 0, b, 8) || memcmp(b, png_sig, 8))
		return false;
	feed_mem(h, "PNG", 4);
	for (uint64_t off = 8;;) {
		uint32_t len;
		unsigned char type[4];
		if (!chunk_at(s, off, &len, type))
			return false; /* no IEND: truncated */
		if (off == 8 && memcmp(type, "IHDR", 4))
			return false;
		if (!(type[0] & 0x20)) {
			if (memcmp(type, last, 4)) {
				memcpy(last, type, 4);
				feed_mem(h, last, 4);
			}
			if (!feed(s, h, off + 8, len))
				return false;
		}
		if (!memcmp(type, "IEND", 4))
			return true; /* what follows is not the picture */
		off += 12 + (uint64_t)len;
	}
}

/* The bounds of a decode (docs/architecture.md): a PNG of more pixels
 * (half as many at 16 bits a sample: the work is in the bytes), or wider,
 * is hashed by its chunks. A row is at most 8 bytes a pixel (512 KiB),
 * and inflating stops at the last row: a stream that would inflate to
 * gigabytes (a bomb) costs at most the pixels' bytes, 160 MB as RGBA,
 * under a second of a core. */
#define PNG_MAX_PIXELS 40000000u
#define PNG_MAX_WIDTH 65536u

typedef struct {
	uint32_t w, h;
	unsigned depth, color, bits; /* bits a pixel */
	size_t row;                  /* bytes of a row, its filter byte not counted */
	unsigned char plte[256][4];  /* RGBA */
	unsigned nplte, ntrns;
	uint16_t key[3]; /* tRNS of gray or RGB: the transparent colour */
} png_info;

/* IHDR's fields, when they are a combination PNG allows, not interlaced,
 * within the bounds. */
static bool png_header(src *s, png_info *pi)
{
	uint32_t len;
	unsigned char type[4], b[13];
	if (!chunk_at(s, 8, &len, type) || memcmp(type, "IHDR", 4) || len != 13 || !get(s, 16, b, 13))
		return false;
	pi->w = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
	pi->h = (uint32_t)b[4] << 24 | (uint32_t)b[5] << 16 | (uint32_t)b[6] << 8 | b[7];
	pi->depth = b[8];
	pi->color = b[9];
	static const unsigned channels[7] = {1, 0, 3, 1, 2, 0, 4};
	unsigned d = pi->depth, c = pi->color;
	bool ok = c == 0 ? (d == 1 || d == 2 || d == 4 || d == 8 || d == 16)
		: c == 3 ? (d == 1 || d == 2 || d == 4 || d == 8)
		: (c == 2 || c == 4 || c == 6) && (d == 8 || d == 16);
	/* b[10..12]: deflate, adaptive filters, no interlace (Adam7's passes
	 * would need the whole picture in memory) */
	if (!ok || b[10] || b[11] || b[12] || !pi->w || !pi->h || pi->w > PNG_MAX_WIDTH ||
	    (uint64_t)pi->w * pi->h > (d == 16 ? PNG_MAX_PIXELS / 2 : PNG_MAX_PIXELS))
		return false;
	pi->bits = channels[c] * d;
	pi->row = ((size_t)pi->w * pi->bits + 7) / 8;
	return true;
}

/* p - a, p - b and p - c of the PNG spec's p = a + b - c, without p. */
static unsigned char paeth(int a, int b, int c)
{
	int pa = abs(b - c), pb = abs(a - c), pc = abs(a + b - 2 * c);
	return (unsigned char)(pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
}

/* A row's filter undone in place (cur[0] the filter type) against the row
 * above (zeros for the first); the first pixel, with nothing to its left,
 * apart, so the loop over the rest has no test in it. */
static bool unfilter(unsigned char *cur, const unsigned char *prev, size_t n, size_t bpp)
{
	unsigned char *x = cur + 1;
	const unsigned char *up = prev + 1;
	size_t first = bpp < n ? bpp : n;
	switch (cur[0]) {
	case 0:
		return true;
	case 1:
		for (size_t i = bpp; i < n; i++)
			x[i] = (unsigned char)(x[i] + x[i - bpp]);
		return true;
	case 2:
		for (size_t i = 0; i < n; i++)
			x[i] = (unsigned char)(x[i] + up[i]);
		return true;
	case 3:
		for (size_t i = 0; i < first; i++)
			x[i] = (unsigned char)(x[i] + (up[i] >> 1));
		for (size_t i = first; i < n; i++)
			x[i] = (unsigned char)(x[i] + ((x[i - bpp] + up[i]) >> 1));
		return true;
	case 4:
		for (size_t i = 0; i < first; i++)
			x[i] = (unsigned char)(x[i] + up[i]); /* paeth(0, b, 0) is b */
		for (size_t i = first; i < n; i++)
			x[i] = (unsigned char)(x[i] + paeth(x[i - bpp], up[i], up[i - bpp]));
		return true;
	default:
		return false;
	}
}

/* Sample i of a row: depth bits, the first in the high bits. */
static unsigned sample(const unsigned char *x, size_t i, unsigned depth)
{
	if (depth == 16)
		return (unsigned)x[2 * i] << 8 | x[2 * i + 1];
	if (depth == 8)
		return x[i];
	size_t bit = i * depth;
	return (x[bit / 8] >> (8 - depth - bit % 8)) & ((1u << depth) - 1);
}

/* The hash's input gathered: a picture a pixel wide feeds the hash four
 * bytes a row, and a call a row would cost more than the bytes. */
typedef struct {
	crypto_generichash_state *h;
	size_t n;
	unsigned char out[8192];
} sink;

static void sink_flush(sink *k)
{
	feed_mem(k->h, k->out, k->n);
	k->n = 0;
}

static void sink_put(sink *k, const unsigned char *p, size_t n)
{
	if (k->n + n > sizeof k->out)
		sink_flush(k);
	if (n > sizeof k->out) {
		feed_mem(k->h, p, n);
		return;
	}
	memcpy(k->out + k->n, p, n);
	k->n += n;
}

/* A row as RGBA into the hash: 8 bits a channel, or 16 (big-endian) for
 * a 16-bit PNG, kept exact rather than rounded; gray of 1, 2 or 4 bits
 * scaled to 8 (0..255), as a viewer shows it. A fully transparent pixel is
 * (0, 0, 0, 0) whatever colour it keeps: no one sees it, and a PNG
 * optimiser may change it. */
static bool emit_row(const png_info *pi, const unsigned char *x, sink *k)
{
	size_t wide = pi->depth == 16;
	unsigned max = pi->depth == 16 ? 65535 : 255, c = pi->color;
	unsigned per = c == 0 || c == 3 ? 1 : c == 4 ? 2 : c == 2 ? 3 : 4;
	/* a phone's photos: RGBA is its row, between its clear pixels; RGB
	 * gets its alpha here (the general loop below takes four times as
	 * long) */
	if (c == 6) {
		static const unsigned char clear[8];
		size_t step = wide ? 8 : 4, from = 0;
		for (size_t i = 0; i < pi->w; i++) {
			const unsigned char *a = x + i * step + step - 1; /* alpha's last byte */
			if (*a || (wide && a[-1]))
				continue;
			sink_put(k, x + from * step, (i - from) * step);
			sink_put(k, clear, step);
			from = i + 1;
		}
		sink_put(k, x + from * step, (pi->w - from) * step);
		return true;
	}
	for (size_t i = 0; pi->depth == 8 && c == 2 && !pi->ntrns && i < pi->w; i++) {
		unsigned char px[4] = {x[3 * i], x[3 * i + 1], x[3 * i + 2], 255};
		sink_put(k, px, 4);
	}
	if (pi->depth == 8 && c == 2 && !pi->ntrns)
		return true;
	for (size_t i = 0; i < pi->w; i++) {
		unsigned px[4];
		if (c == 3) {
			unsigned s = sample(x, i, pi->depth);
			if (s >= pi->nplte)
				return false; /* an index past the palette */
			for (int j = 0; j < 4; j++)
				px[j] = pi->plte[s][j];
		} else {
			unsigned v[4];
			for (unsigned j = 0; j < per; j++)
				v[j] = sample(x, i * per + j, pi->depth);
			bool key = pi->ntrns && v[0] == pi->key[0] && (per < 3 || (v[1] == pi->key[1] && v[2] == pi->key[2]));
			if (per <= 2) {
				unsigned g = pi->depth < 8 ? v[0] * 255 / ((1u << pi->depth) - 1) : v[0];
				px[0] = px[1] = px[2] = g;
				px[3] = per == 2 ? v[1] : key ? 0 : max;
			} else {
				px[0] = v[0], px[1] = v[1], px[2] = v[2];
				px[3] = per == 4 ? v[3] : key ? 0 : max;
			}
		}
		if (!px[3])
			px[0] = px[1] = px[2] = 0;
		unsigned char o[8];
		size_t n = 0;
		for (int j = 0; j < 4; j++) {
			if (wide)
				o[n++] = (unsigned char)(px[j] >> 8);
			o[n++] = (unsigned char)px[j];
		}
		sink_put(k, o, n);
	}
	return true;
}

/* The IDAT chunks' data as one stream. */
typedef struct {
	src *s;
	uint64_t off;  /* the next compressed byte */
	uint64_t left; /* bytes of this chunk from there */
} idat;

/* More compressed bytes: the next chunk's when this one is spent, while
 * the next is an IDAT. */
static bool idat_more(idat *d)
{
	while (!d->left) {
		uint32_t len;
		unsigned char type[4];
		if (!chunk_at(d->s, d->off + 4, &len, type) || memcmp(type, "IDAT", 4))
			return false;
		d->off += 4 + 8;
		d->left = len;
	}
	return true;
}

/* Exactly n bytes of the stream into out; false on an error or a stream
 * that ends first. */
static bool inflate_to(z_stream *z, idat *d, unsigned char *out, size_t n)
{
	src *s = d->s;
	for (size_t got = 0; got < n;) {
		if (!idat_more(d) || at(s, d->off) < 0)
			return false;
		size_t w = s->have - (size_t)(d->off - s->base);
		if (w > d->left)
			w = (size_t)d->left;
		z->next_in = s->buf + (d->off - s->base);
		z->avail_in = (uInt)w;
		z->next_out = out + got;
		z->avail_out = (uInt)(n - got);
		int r = inflate(z, Z_NO_FLUSH);
		size_t used = w - z->avail_in, made = n - got - z->avail_out;
		d->off += used;
		d->left -= used;
		got += made;
		if ((r != Z_OK && r != Z_STREAM_END) || !(used || made) || (r == Z_STREAM_END && got < n))
			return false;
	}
	return true;
}

/* Rows inflated at a time: at least one, at most 64 KiB of them, so a
 * picture a pixel wide does not cost an inflate call a row. */
#define ROWS_AT_ONCE 65536u

/* The rows of the IDAT stream whose first chunk's data is at off, inflated
 * a block of rows at a time (at most 64 KiB, or one row, and the row
 * above), unfiltered and hashed; *end the chunk after the last IDAT read. */
static bool png_rows(src *s, uint64_t off, uint32_t len, const png_info *pi, crypto_generichash_state *h,
		     uint64_t *end)
{
	size_t n = pi->row + 1, bpp = pi->bits >= 8 ? pi->bits / 8 : 1, per = n < ROWS_AT_ONCE ? ROWS_AT_ONCE / n : 1;
	unsigned char *block = xmalloc(per * n), *prev = xcalloc(1, n);
	sink *k = xmalloc(sizeof *k);
	k->h = h;
	k->n = 0;
	z_stream z;
	memset(&z, 0, sizeof z);
	bool ok = inflateInit(&z) == Z_OK;
	idat d = {s, off, len};
	for (uint32_t y = 0; ok && y < pi->h;) {
		size_t rows = pi->h - y < per ? pi->h - y : per;
		ok = inflate_to(&z, &d, block, rows * n);
		for (size_t r = 0; ok && r < rows; r++) {
			unsigned char *cur = block + r * n;
			ok = unfilter(cur, r ? cur - n : prev, pi->row, bpp) && emit_row(pi, cur + 1, k);
		}
		memcpy(prev, block + (rows - 1) * n, n);
		y += (uint32_t)rows;
	}
	sink_flush(k);
	if (z.state)
		inflateEnd(&z);
	free(block);
	free(prev);
	free(k);
	*end = d.off + d.left + 4;
	return ok;
}

/* A PNG by its pixels: width, height and the rows as RGBA, so the same
 * picture at another zlib level, with other row filters, as RGB, RGBA
 * (opaque), gray or a palette hashes alike. The chunks must hold as
 * png_chunks has them, and a critical chunk this walk does not know sends
 * the file there. */
static bool png_pixels(src *s, crypto_generichash_state *h)
{
	unsigned char b[8];
	png_info pi;
	memset(&pi, 0, sizeof pi);
	if (!get(s, 0, b, 8) || memcmp(b, png_sig, 8) || !png_header(s, &pi))
		return false;
	/* the bits a channel, the width and the height before the rows */
	unsigned char head[9] = {pi.depth == 16 ? 16 : 8};
	for (int i = 0; i < 4; i++) {
		head[1 + i] = (unsigned char)(pi.w >> (24 - 8 * i));
		head[5 + i] = (unsigned char)(pi.h >> (24 - 8 * i));
	}
	feed_mem(h, "PNG pixels", 11);
	feed_mem(h, head, sizeof head);
	bool rows = false;
	for (uint64_t off = 8 + 25;;) {
		uint32_t len;
		unsigned char type[4];
		if (!chunk_at(s, off, &len, type))
			return false;
		uint64_t next = off + 12 + (uint64_t)len;
		if (!memcmp(type, "IEND", 4))
			return rows;
		if (!memcmp(type, "IDAT", 4)) {
			if (!rows && (pi.color == 3 && !pi.nplte))
				return false;
			if (!rows && !png_rows(s, off + 8, len, &pi, h, &next))
				return false;
			rows = true;
		} else if (!memcmp(type, "PLTE", 4)) {
			unsigned char p[768];
			if (rows || pi.nplte || len % 3 || !len || len > 768 || pi.color == 0 || pi.color == 4 ||
			    !get(s, off + 8, p, len))
				return false;
			pi.nplte = len / 3;
			for (unsigned i = 0; i < pi.nplte; i++)
				pi.plte[i][0] = p[3 * i], pi.plte[i][1] = p[3 * i + 1], pi.plte[i][2] = p[3 * i + 2],
				pi.plte[i][3] = 255;
		} else if (!memcmp(type, "tRNS", 4) && !rows) {
			unsigned char t[256];
			unsigned want = pi.color == 0 ? 2 : pi.color == 2 ? 6 : 0;
			if (pi.ntrns || (pi.color == 3 ? !len || len > pi.nplte : len != want || !want) ||
			    !get(s, off + 8, t, len))
				return false;
			pi.ntrns = len;
			for (unsigned i = 0; pi.color == 3 && i < len; i++)
				pi.plte[i][3] = t[i];
			for (unsigned i = 0; pi.color != 3 && i < len / 2; i++)
				pi.key[i] = (uint16_t)(t[2 * i] << 8 | t[2 * i + 1]);
		} else if (!(type[0] & 0x20)) {
			return false; /* a critical chunk not known here */
		}
		off = next;
	}
}

/* A scan's entropy-coded data runs to the next marker: 0xFF then neither
 * 0x00 (a stuffed byte) nor a restart marker. The offset of that 0xFF,
 * or 0 when the file ends first. */
static uint64_t scan_end(src *s, uint64_t off)
{
	for (;;) {
		if (at(s, off) < 0)
			return 0;
		size_t at_w = (size_t)(off - s->base), left = s->have - at_w;
		const unsigned char *ff = memchr(s->buf + at_w, 0xFF, left);
		if (!ff) {
			off += left;
			continue;
		}
		off += (uint64_t)(ff - (s->buf + at_w));
		int next = at(s, off + 1);
		if (next < 0)
			return 0;
		if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7))
			return off;
		off += 2;
	}
}

/* The next marker from *off (fill bytes before it allowed): its code, and
 * *off at its length; *len its segment's length with those two bytes, 0
 * for a marker without one. False when the structure does not hold. */
static bool segment_at(src *s, uint64_t *off, int *marker, uint64_t *len)
{
	if (at(s, *off) != 0xFF)
		return false;
	int m;
	while ((m = at(s, ++*off)) == 0xFF)
		;
	if (m < 0 || m == 0x00 || m == 0xD8)
		return false;
	++*off;
	*marker = m;
	*len = 0;
	if (m == 0xD9 || (m >= 0xD0 && m <= 0xD7) || m == 0x01)
		return true;
	unsigned char b[2];
	if (!get(s, *off, b, 2))
		return false;
	*len = (uint64_t)b[0] << 8 | b[1];
	return *len >= 2 && s->size - *off >= *len;
}

static bool jpeg_soi(src *s)
{
	unsigned char b[2];
	return get(s, 0, b, 2) && b[0] == 0xFF && b[1] == 0xD8;
}

static bool is_meta(int m)
{
	return (m >= 0xE0 && m <= 0xEF) || m == 0xFE;
}

/* The entropy-coded data of the scan at off into the hash; *off past it. */
static bool feed_scan(src *s, crypto_generichash_state *h, uint64_t *off)
{
	uint64_t end = scan_end(s, *off);
	if (!end || !feed(s, h, *off, end - *off))
		return false;
	*off = end;
	return true;
}

/* Markers from SOI to EOI: APPn (0xE0-0xEF: JFIF, EXIF, XMP, ICC) and COM
 * (0xFE) are what a phone or an editor rewrites, the rest is the picture:
 * tables, frame, scans and their data, in the file's order. What a JPEG
 * whose tables do not parse is hashed by. */
static bool jpeg_segments(src *s, crypto_generichash_state *h)
{
	if (!jpeg_soi(s))
		return false;
	feed_mem(h, "JPEG", 5);
	for (uint64_t off = 2;;) {
		int m;
		uint64_t len;
		if (!segment_at(s, &off, &m, &len))
			return false;
		unsigned char mk = (unsigned char)m;
		if (!is_meta(m))
			feed_mem(h, &mk, 1);
		if (m == 0xD9)
			return true; /* EOI: what follows is not the picture */
		if (!is_meta(m) && !feed(s, h, off, len))
			return false;
		off += len;
		if (m == 0xDA && !feed_scan(s, h, &off))
			return false;
	}
}

/* The tables a scan is decoded with, by kind and number: what an encoder
 * may write in any order before a scan. 0-3 DQT, 4-11 DHT (class, id),
 * 12-19 DAC (class, id), 20 DRI, 21 the frame (SOFn). */
enum { SLOT_DQT = 0, SLOT_DHT = 4, SLOT_DAC = 12, SLOT_DRI = 20, SLOT_SOF = 21, SLOTS = 22 };
#define SLOT_MAX (2 + 6 + 3 * 255) /* the largest: a frame of 255 components */

typedef struct {
	unsigned char at[SLOTS][SLOT_MAX];
	uint16_t n[SLOTS]; /* 0: not defined */
	unsigned char seg[65536];
} jtables;

static bool put_slot(jtables *t, int slot, const unsigned char *p, size_t n)
{
	if (n > SLOT_MAX)
		return false;
	memcpy(t->at[slot], p, n);
	t->n[slot] = (uint16_t)n;
	return true;
}

/* A table segment's data (n bytes) into its slots: a DQT or a DHT may hold
 * several tables, each a slot of its own; a later one replaces an earlier
 * of the same number, as a decoder has it. */
static bool tables_of(jtables *t, int m, const unsigned char *d, size_t n)
{
	if (m == 0xDD)
		return n == 2 && put_slot(t, SLOT_DRI, d, n);
	if ((m & 0xF0) == 0xC0 && m != 0xC4 && m != 0xC8 && m != 0xCC) {
		unsigned char f[SLOT_MAX];
		if (n >= SLOT_MAX)
			return false;
		f[0] = (unsigned char)m; /* the frame's kind: baseline, progressive… */
		memcpy(f + 1, d, n);
		return put_slot(t, SLOT_SOF, f, n + 1);
	}
	for (size_t p = 0; p < n;) {
		unsigned hi = d[p] >> 4, lo = d[p] & 15;
		size_t size;
		int slot;
		if (m == 0xDB) {
			size = 1 + 64 * (hi + 1);
			slot = SLOT_DQT + (int)lo;
			if (hi > 1 || lo > 3)
				return false;
		} else if (m == 0xC4) {
			if (hi > 1 || lo > 3 || n - p < 17)
				return false;
			size = 17;
			for (int i = 1; i <= 16; i++)
				size += d[p + i];
			slot = SLOT_DHT + (int)(hi * 4 + lo);
		} else { /* DAC */
			size = 2;
			slot = SLOT_DAC + (int)(hi * 4 + lo);
			if (hi > 1 || lo > 3)
				return false;
		}
		if (n - p < size || !put_slot(t, slot, d + p, size))
			return false;
		p += size;
	}
	return true;
}

/* A JPEG whatever the order of its tables: at each scan, the tables and
 * frame then in force (by kind and number, not by place in the file),
 * the scan's header and its data. So an editor that writes DHT before DQT,
 * or two tables in one segment, makes no new picture; a changed table,
 * frame or scan byte does. APPn and COM are left out as in jpeg_segments. */
static bool jpeg_tables(src *s, crypto_generichash_state *h)
{
	if (!jpeg_soi(s))
		return false;
	jtables *t = xcalloc(1, sizeof *t);
	feed_mem(h, "JPEG tables", 12);
	bool ok = true;
	for (uint64_t off = 2; ok;) {
		int m;
		uint64_t len;
		if (!(ok = segment_at(s, &off, &m, &len)))
			break;
		unsigned char mk = (unsigned char)m;
		bool table = m == 0xDB || m == 0xC4 || m == 0xCC || m == 0xDD ||
			     ((m & 0xF0) == 0xC0 && m != 0xC8);
		if (m == 0xD9) {
			feed_mem(h, &mk, 1);
			break; /* EOI: what follows is not the picture */
		}
		if (table) {
			ok = get(s, off + 2, t->seg, (size_t)len - 2) && tables_of(t, m, t->seg, (size_t)len - 2);
		} else if (m == 0xDA) {
			ok = t->n[SLOT_SOF] > 0;
			for (int i = 0; ok && i < SLOTS; i++) {
				unsigned char k[3] = {(unsigned char)i, (unsigned char)(t->n[i] >> 8), (unsigned char)t->n[i]};
				if (t->n[i]) {
					feed_mem(h, k, 3);
					feed_mem(h, t->at[i], t->n[i]);
				}
			}
		}
		if (!table && !is_meta(m)) { /* a scan's header, a restart, DNL… in place */
			feed_mem(h, &mk, 1);
			ok = ok && feed(s, h, off, len);
		}
		off += len;
		if (ok && m == 0xDA)
			ok = feed_scan(s, h, &off);
	}
	free(t);
	return ok;
}

/* A PDF to its last %%EOF in its last window: bytes a tool or a hand
 * adds after the end are no new document. */
static bool pdf(src *s, crypto_generichash_state *h)
{
	uint64_t from = s->size > WINDOW ? s->size - WINDOW : 0;
	s->have = 0; /* the window from there to the end */
	if (s->size < 5 || at(s, from) < 0)
		return false;
	const unsigned char *w = s->buf + (from - s->base);
	size_t n = (size_t)(s->size - from);
	for (size_t i = n - 5 + 1; i-- > 0;)
		if (!memcmp(w + i, "%%EOF", 5))
			return feed(s, h, 0, from + i + 5);
	return false;
}

typedef bool (*walk_fn)(src *, crypto_generichash_state *);

/* The walks of a type, the finest first: a PNG by its pixels, else by its
 * chunks; a JPEG by its tables in force, else by its segments in order. */
static const struct {
	const char *type;
	walk_fn walk[2];
} walks[] = {
	{"PNG", {png_pixels, png_chunks}},
	{"JPEG", {jpeg_tables, jpeg_segments}},
	{"PDF", {pdf, NULL}},
};

bool picture_hash(const char *type, uint64_t size, picture_read_fn read, void *ctx, unsigned char out[PICTURE_HASH])
{
	src s = {read, ctx, size, xmalloc(WINDOW), 0, 0, false};
	crypto_generichash_state h;
	bool done = false;
	for (size_t i = 0; i < sizeof walks / sizeof *walks; i++)
		for (size_t j = 0; !strcmp(type, walks[i].type) && !done && !s.failed && j < 2 && walks[i].walk[j]; j++) {
			crypto_generichash_init(&h, NULL, 0, PICTURE_HASH);
			done = walks[i].walk[j](&s, &h);
		}
	if (!done) {
		/* its bytes, as the exact hash has them */
		crypto_generichash_init(&h, NULL, 0, PICTURE_HASH);
		feed(&s, &h, 0, size);
	}
	crypto_generichash_final(&h, out, PICTURE_HASH);
	free(s.buf);
	return !s.failed;
}

typedef struct {
	const unsigned char *p;
} mem_src;

static bool mem_read(void *ctx, uint64_t off, void *buf, size_t n)
{
	memcpy(buf, ((mem_src *)ctx)->p + off, n);
	return true;
}

void picture_hash_mem(const char *type, const void *data, size_t size, unsigned char out[PICTURE_HASH])
{
	mem_src m = {data};
	picture_hash(type, size, mem_read, &m, out);
}
