/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * bloom: a set of 64-bit hashes that answers "certainly not added" or
 * "maybe added", in a fixed size (1 MiB). Wrong "maybe"s grow with what is
 * added (measured: none in a million tries after 100,000 keys, 2 in 100
 * after a million), never wrong "no"s: a caller uses it to skip work a "no"
 * makes needless and does the work for a "maybe".
 */
#ifndef KP_BLOOM_H
#define KP_BLOOM_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
	uint64_t *words;
} kp_bloom;

void bloom_init(kp_bloom *b);
void bloom_free(kp_bloom *b);
void bloom_add(kp_bloom *b, uint64_t hash);
bool bloom_maybe(const kp_bloom *b, uint64_t hash);

/* A hash of n bytes, continuing from h (start with BLOOM_SEED): several
 * values hash as one key by chaining, each ended by its length. */
#define BLOOM_SEED 0xcbf29ce484222325ull
uint64_t bloom_hash(uint64_t h, const void *p, size_t n);

#endif
