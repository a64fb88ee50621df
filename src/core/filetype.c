/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "core/filetype.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

const char *filetype_name(kp_filetype t)
{
	static const char *const names[] = {"", "JPEG", "PNG", "PDF", "MP4", "DOCX", "XLSX"};
	return names[t];
}

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint16_t le16(const unsigned char *p) { return (uint16_t)(p[0] | p[1] << 8); }

/* The central directory is what an office program reads: the end record
 * (in the last 64 KiB + 22 bytes) says where it is; its entries name the
 * parts. A directory over 4 MiB is no document kepu takes. */
#define CD_MAX (4L * 1024 * 1024)
#define TAIL_MAX (65535L + 22)

static kp_filetype office_type(FILE *in)
{
	if (fseek(in, 0, SEEK_END) != 0)
		return FTYPE_NONE;
	long size = ftell(in);
	long tail = size < TAIL_MAX ? size : TAIL_MAX;
	unsigned char *t = malloc((size_t)tail + 1);
	kp_filetype type = FTYPE_NONE;
	if (!t || fseek(in, size - tail, SEEK_SET) != 0 || fread(t, 1, (size_t)tail, in) != (size_t)tail) {
		free(t);
		return FTYPE_NONE;
	}
	long eocd = -1;
	for (long i = tail - 22; i >= 0 && eocd < 0; i--)
		if (!memcmp(t + i, "PK\x05\x06", 4))
			eocd = i;
	uint32_t cd_size = eocd < 0 ? 0 : le32(t + eocd + 12), cd_off = eocd < 0 ? 0 : le32(t + eocd + 16);
	free(t);
	if (eocd < 0 || cd_size == 0 || cd_size > CD_MAX || (long)cd_off + (long)cd_size > size)
		return FTYPE_NONE;
	unsigned char *cd = malloc(cd_size);
	if (!cd || fseek(in, (long)cd_off, SEEK_SET) != 0 || fread(cd, 1, cd_size, in) != cd_size) {
		free(cd);
		return FTYPE_NONE;
	}
	bool types = false, word = false, xl = false;
	for (uint32_t p = 0; p + 46 <= cd_size && !memcmp(cd + p, "PK\x01\x02", 4);) {
		uint32_t n = le16(cd + p + 28), extra = le16(cd + p + 30), comment = le16(cd + p + 32);
		if (p + 46 + n > cd_size)
			break;
		const char *name = (const char *)cd + p + 46;
#define IS(s) (n == sizeof s - 1 && !memcmp(name, s, n))
		types |= IS("[Content_Types].xml");
		word |= IS("word/document.xml");
		xl |= IS("xl/workbook.xml");
#undef IS
		p += 46 + n + extra + comment;
	}
	free(cd);
	if (types && word != xl)
		type = word ? FTYPE_DOCX : FTYPE_XLSX;
	return type;
}

kp_filetype filetype_detect(FILE *in)
{
	unsigned char h[16] = {0};
	rewind(in);
	size_t n = fread(h, 1, sizeof h, in);
	if (n >= 3 && !memcmp(h, "\xff\xd8\xff", 3))
		return FTYPE_JPEG;
	if (n >= 8 && !memcmp(h, "\x89PNG\r\n\x1a\n", 8))
		return FTYPE_PNG;
	if (n >= 5 && !memcmp(h, "%PDF-", 5))
		return FTYPE_PDF;
	if (n >= 12 && !memcmp(h + 4, "ftyp", 4))
		return FTYPE_MP4;
	if (n >= 4 && !memcmp(h, "PK\x03\x04", 4))
		return office_type(in);
	return FTYPE_NONE;
}
