/* The seeded pseudo-random source of linux/prandom.h. */
#include <linux/prandom.h>

/*
 * One component's step: the bits above the component's width mask, shifted
 * up, mixed with its shifted feedback (L'Ecuyer's recurrence).
 */
static u32 tausworthe_step(u32 s, unsigned int q, unsigned int k_shift, u32 mask, unsigned int s_shift)
{
	return ((s & mask) << s_shift) ^ (((s << q) ^ s) >> k_shift);
}

/* Follows Linux's prandom_u32_state (lib/random32.c, v6.1). */
u32 prandom_u32_state(struct rnd_state *state)
{
	/* LFSR113's parameters: components of 31, 29, 28 and 25 bits. */
	state->s1 = tausworthe_step(state->s1, 6, 13, 0xfffffffeu, 18);
	state->s2 = tausworthe_step(state->s2, 2, 27, 0xfffffff8u, 2);
	state->s3 = tausworthe_step(state->s3, 13, 21, 0xfffffff0u, 7);
	state->s4 = tausworthe_step(state->s4, 3, 12, 0xffffff80u, 13);
	return state->s1 ^ state->s2 ^ state->s3 ^ state->s4;
}

/* Follows Linux's prandom_seed_state (include/linux/prandom.h, v6.1). */
void prandom_seed_state(struct rnd_state *state, u64 seed)
{
	*state = (struct rnd_state)PRANDOM_STATE_INIT(seed);
}
