/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "core/bloom.h"

#include <stdlib.h>

#include "core/xalloc.h"

#define LOG2_BITS 23 /* 2^23 bits: 1 MiB */
#define BLOCK_WORDS 8 /* 512 bits, one cache line */
#define PROBES 6      /* bits per key */

void bloom_init(kp_bloom *b)
{
	b->words = xcalloc((size_t)1 << (LOG2_BITS - 6), sizeof *b->words);
}

void bloom_free(kp_bloom *b)
{
	free(b->words);
	b->words = NULL;
}

static uint64_t remix(uint64_t h);

/* A key's bits all lie in one cache line (a "blocked" filter): one cache
 * miss a key instead of PROBES, for about as few wrong "maybe"s. The line
 * is chosen by the hash's low bits, each bit by 9 bits of its remix. */
static uint64_t *key_block(const kp_bloom *b, uint64_t hash)
{
	size_t blocks = ((size_t)1 << (LOG2_BITS - 6)) / BLOCK_WORDS;
	return b->words + (size_t)(hash & (blocks - 1)) * BLOCK_WORDS;
}

static unsigned key_bit(uint64_t bits, int i)
{
	return (unsigned)(bits >> (9 * i)) & 511;
}

void bloom_add(kp_bloom *b, uint64_t hash)
{
	uint64_t *w = key_block(b, hash), bits = remix(hash);
	for (int i = 0; i < PROBES; i++)
		w[key_bit(bits, i) >> 6] |= (uint64_t)1 << (key_bit(bits, i) & 63);
}

bool bloom_maybe(const kp_bloom *b, uint64_t hash)
{
	const uint64_t *w = key_block(b, hash);
	uint64_t bits = remix(hash);
	for (int i = 0; i < PROBES; i++)
		if (!(w[key_bit(bits, i) >> 6] & ((uint64_t)1 << (key_bit(bits, i) & 63))))
			return false;
	return true;
}

/* splitmix64's finaliser: every bit of the result depends on every bit of
 * h, so the word and the bits of a key are independent enough. */
static uint64_t remix(uint64_t h)
{
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ull;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebull;
	return h ^ (h >> 31);
}

/* FNV-1a over the bytes, then the length, so ("ab", "c") and ("a", "bc")
 * differ; remixed, since FNV's high bits are poorly mixed. */
uint64_t bloom_hash(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * 0x100000001b3ull;
	return remix(h ^ n);
}
