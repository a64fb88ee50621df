/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "core/picture.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

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

/* Chunks of length, type, data, CRC after the signature; IHDR first. A
 * critical chunk has an upper-case first letter (bit 5 clear). IDAT's
 * data is one stream however an editor splits it, so a type is hashed
 * where it changes, not per chunk. */
static bool png(src *s, crypto_generichash_state *h)
{
	static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', 13, 10, 26, 10};
	unsigned char b[8], last[4] = {0};
	if (!get(s, 0, b, 8) || memcmp(b, sig, 8))
		return false;
	feed_mem(h, "PNG", 4);
	for (uint64_t off = 8;; ) {
		if (!get(s, off, b, 8))
			return false; /* no IEND: truncated */
		uint32_t len = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
		/* get() read [off, off + 8): the data and its CRC must fit after */
		if (len > 0x7FFFFFFFu || s->size - off - 8 < (uint64_t)len + 4)
			return false;
		if (off == 8 && memcmp(b + 4, "IHDR", 4))
			return false;
		if (!(b[4] & 0x20)) {
			if (memcmp(b + 4, last, 4)) {
				memcpy(last, b + 4, 4);
				feed_mem(h, last, 4);
			}
			if (!feed(s, h, off + 8, len))
				return false;
		}
		if (!memcmp(b + 4, "IEND", 4))
			return true; /* what follows is not the picture */
		off += 12 + (uint64_t)len;
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

/* Markers from SOI to EOI: APPn (0xE0-0xEF: JFIF, EXIF, XMP, ICC) and COM
 * (0xFE) are what a phone or an editor rewrites, the rest is the picture:
 * tables, frame, scans and their data. */
static bool jpeg(src *s, crypto_generichash_state *h)
{
	unsigned char b[2];
	if (!get(s, 0, b, 2) || b[0] != 0xFF || b[1] != 0xD8)
		return false;
	feed_mem(h, "JPEG", 5);
	for (uint64_t off = 2;;) {
		if (at(s, off) != 0xFF)
			return false;
		int m;
		while ((m = at(s, ++off)) == 0xFF) /* fill bytes before a marker */
			;
		if (m < 0 || m == 0x00 || m == 0xD8)
			return false;
		unsigned char mk = (unsigned char)m;
		off++;
		if (m == 0xD9) {
			feed_mem(h, &mk, 1);
			return true; /* EOI: what follows is not the picture */
		}
		if ((m >= 0xD0 && m <= 0xD7) || m == 0x01) { /* no length */
			feed_mem(h, &mk, 1);
			continue;
		}
		if (!get(s, off, b, 2))
			return false;
		uint64_t len = (uint64_t)b[0] << 8 | b[1];
		if (len < 2 || s->size - off < len)
			return false;
		if (!((m >= 0xE0 && m <= 0xEF) || m == 0xFE)) {
			feed_mem(h, &mk, 1);
			if (!feed(s, h, off, len))
				return false;
		}
		off += len;
		if (m == 0xDA) {
			uint64_t end = scan_end(s, off);
			if (!end || !feed(s, h, off, end - off))
				return false;
			off = end;
		}
	}
}

/* A PDF to its first %%EOF: the document as first written. Bytes after
 * it — junk, or a comment and a second %%EOF as an incremental save, a
 * reader's "save" or a signature appends (t7h #6) — are no new document.
 * To the last %%EOF as well would add nothing: two files the same up to
 * their last %%EOF are the same up to their first. Read a window at a
 * time, each overlapping the last by 4 bytes (a marker across two). */
static bool pdf(src *s, crypto_generichash_state *h)
{
	for (uint64_t off = 0; off + 5 <= s->size;) {
		s->have = 0; /* the window from off */
		if (at(s, off) < 0)
			return false;
		const unsigned char *w = s->buf;
		for (size_t i = 0; i + 5 <= s->have; i++)
			if (w[i] == '%' && !memcmp(w + i, "%%EOF", 5))
				return feed(s, h, 0, off + i + 5);
		if (off + s->have >= s->size)
			break;
		off += s->have - 4;
	}
	return false;
}

bool picture_hash(const char *type, uint64_t size, picture_read_fn read, void *ctx, unsigned char out[PICTURE_HASH])
{
	src s = {read, ctx, size, xmalloc(WINDOW), 0, 0, false};
	crypto_generichash_state h;
	crypto_generichash_init(&h, NULL, 0, PICTURE_HASH);
	bool (*walk)(src *, crypto_generichash_state *) = !strcmp(type, "PNG")	  ? png
							   : !strcmp(type, "JPEG") ? jpeg
							   : !strcmp(type, "PDF")  ? pdf
										   : NULL;
	if (!walk || !walk(&s, &h)) {
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
