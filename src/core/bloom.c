#include "core/bloom.h"

#include <stdlib.h>

#include "core/xalloc.h"

#define LOG2_BITS 23 /* 2^23 bits: 1 MiB */
#define PROBES 4     /* bits per key: the fewest wrong "maybe"s at 100,000 keys */

void bloom_init(kp_bloom *b)
{
	b->words = xcalloc((size_t)1 << (LOG2_BITS - 6), sizeof *b->words);
}

void bloom_free(kp_bloom *b)
{
	free(b->words);
	b->words = NULL;
}

/* A second, independent hash from the first (splitmix64's finaliser): the
 * probes are h1 + i*h2 (double hashing), as good as PROBES hashes. */
static uint64_t remix(uint64_t h)
{
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ull;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebull;
	return h ^ (h >> 31);
}

static uint64_t probe(uint64_t hash, uint64_t step, int i)
{
	return (hash + (uint64_t)i * step) & (((uint64_t)1 << LOG2_BITS) - 1);
}

void bloom_add(kp_bloom *b, uint64_t hash)
{
	uint64_t step = remix(hash) | 1;
	for (int i = 0; i < PROBES; i++) {
		uint64_t bit = probe(hash, step, i);
		b->words[bit >> 6] |= (uint64_t)1 << (bit & 63);
	}
}

bool bloom_maybe(const kp_bloom *b, uint64_t hash)
{
	uint64_t step = remix(hash) | 1;
	for (int i = 0; i < PROBES; i++) {
		uint64_t bit = probe(hash, step, i);
		if (!(b->words[bit >> 6] & ((uint64_t)1 << (bit & 63))))
			return false;
	}
	return true;
}

/* FNV-1a over the bytes, then the length, so ("ab", "c") and ("a", "bc")
 * differ; the probes take the low bits, which remix() spreads. */
uint64_t bloom_hash(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * 0x100000001b3ull;
	return remix(h ^ n);
}
