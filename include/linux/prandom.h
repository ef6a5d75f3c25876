/*
 * A small pseudo-random source whose sequence a seed decides: Linux's
 * prandom state (include/linux/prandom.h, lib/random32.c, v6.1), L'Ecuyer's
 * four-component Tausworthe generator (LFSR113, "Tables of
 * maximally-equidistributed combined LFSR generators", 1999). The same seed
 * gives the same draws on every run and every machine, which is why fault
 * injection draws from it (Linux's fault injection draws from the
 * non-reproducible get_random_u32 instead).
 */
#ifndef _LINUX_PRANDOM_H
#define _LINUX_PRANDOM_H

#include <linux/types.h>

struct rnd_state {
	u32 s1, s2, s3, s4;
};

/*
 * Seeding as Linux's prandom_seed_state: the seed folded to 32 bits, and each
 * component kept at or above the least value its recurrence needs (below it
 * the component would be stuck at zero). Constant expressions, so that a
 * static state can start seeded.
 */
#define PRANDOM_SEED_WORD(seed)	\
	((u32)((((u64)(seed)) >> 32) ^ (((u64)(seed)) << 10) ^ ((u64)(seed))))
#define PRANDOM_SEED_PART(word, least)	((word) < (least) ? (word) + (least) : (word))
#define PRANDOM_STATE_INIT(seed) {					\
	.s1 = PRANDOM_SEED_PART(PRANDOM_SEED_WORD(seed), 2u),		\
	.s2 = PRANDOM_SEED_PART(PRANDOM_SEED_WORD(seed), 8u),		\
	.s3 = PRANDOM_SEED_PART(PRANDOM_SEED_WORD(seed), 16u),		\
	.s4 = PRANDOM_SEED_PART(PRANDOM_SEED_WORD(seed), 128u) }

/* Follows Linux's prandom_seed_state (include/linux/prandom.h, v6.1). */
void prandom_seed_state(struct rnd_state *state, u64 seed);

/* Follows Linux's prandom_u32_state (lib/random32.c, v6.1): the next 32-bit draw. */
u32 prandom_u32_state(struct rnd_state *state);

/*
 * A draw in [0, range): the 32-bit draw scaled by range, its top word kept,
 * as Linux's prandom_u32_max (v6.1) maps a draw onto a range.
 */
static inline u32 prandom_u32_state_below(struct rnd_state *state, u32 range)
{
	return (u32)(((u64)prandom_u32_state(state) * range) >> 32);
}

#endif
