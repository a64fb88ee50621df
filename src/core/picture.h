/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * picture: a file's content hash for the recycled-evidence check (t5h #11):
 * what a picture draws, not the bytes it is wrapped in. A PNG's critical
 * chunks (IHDR, PLTE, IDAT's data however it is split, and any other
 * critical chunk) up to IEND; a JPEG's segments from SOI to EOI but the
 * APPn (EXIF, JFIF, XMP) and COM ones; a PDF up to its first %%EOF. So a
 * comment chunk, an EXIF edit or bytes after the end do not make a new
 * photo. Any other file, or one whose structure does not hold (truncated,
 * a length past the end), is its bytes. A re-encoded, scaled or cropped
 * picture is a different one: no pixel is decoded, nothing perceptual.
 * Bounded: every step moves forward in the file, reads at most a window
 * of it, and a hostile length only sends the file to the bytes' hash.
 */
#ifndef KP_PICTURE_H
#define KP_PICTURE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PICTURE_HASH 32 /* BLAKE2b-256, libsodium's crypto_generichash */

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
