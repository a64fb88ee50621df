/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * picture: a file's content hash for the recycled-evidence check (t5h #11,
 * t6h): what a picture draws, not the bytes it is wrapped in.
 * - A PNG by its pixels: width, height and every row as RGBA (8 bits a
 *   channel; 16 for a 16-bit PNG, exact, not rounded; a fully transparent
 *   pixel as 0, 0, 0, 0 whatever colour it keeps), so the same picture
 *   at another zlib level, with other row filters, as RGB, opaque RGBA, a
 *   palette or gray hashes alike, whatever ancillary chunks (text, gAMA,
 *   EXIF) it carries. Decoded a block of rows at a time (at most 64 KiB,
 *   or one row, and the row above), up to 40 megapixels (20 at 16 bits)
 *   and 65536 pixels a row; an interlaced PNG, a bigger one
 *   or one that does not decode is hashed by its critical chunks (IHDR,
 *   PLTE, IDAT's data however split, up to IEND).
 * - A JPEG by the tables (DQT, DHT, DAC, DRI) and frame in force at each
 *   scan, by kind and number whatever their order or grouping in the file,
 *   each scan's header and data; APPn (EXIF, JFIF, XMP) and COM left out.
 *   Tables that do not parse: its segments in order, APPn and COM left out.
 *   A JPEG compressed again (another quality) is another picture: its
 *   scans differ, and nothing is decoded to pixels.
 * - A PDF up to its last %%EOF.
 * Any other file, or one whose structure does not hold (truncated, a
 * length past the end), is its bytes. Scaled or cropped is different:
 * nothing perceptual. Bounded: every walk moves forward in the file reading
 * a window of it; a hostile length only sends the file to the next walk.
 */
#ifndef KP_PICTURE_H
#define KP_PICTURE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PICTURE_HASH 32 /* BLAKE2b-256, libsodium's crypto_generichash */
/* The definition above, kept beside each stored hash: a stored hash of
 * another is computed again (attachments.c, schema 12). 1: PNG chunks and
 * JPEG segments in order (schema 9). */
#define PICTURE_HASH_DEF 2

/* Reads n bytes at off into buf (off + n within the size given); false on
 * an I/O error. */
typedef bool (*picture_read_fn)(void *ctx, uint64_t off, void *buf, size_t n);

/* The content hash of a file of size bytes of the stored type name
 * (filetype_name: "PNG", "JPEG", "PDF", others hashed as bytes) into out;
 * false when a read failed. */
bool picture_hash(const char *type, uint64_t size, picture_read_fn read, void *ctx, unsigned char out[PICTURE_HASH]);
/* The same of size bytes in memory. */
void picture_hash_mem(const char *type, const void *data, size_t size, unsigned char out[PICTURE_HASH]);

#endif
