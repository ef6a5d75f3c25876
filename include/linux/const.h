/* Constants usable from both C and assembly (UL suffix only in C). */
#ifndef _LINUX_CONST_H
#define _LINUX_CONST_H

#ifdef __ASSEMBLY__
#define _AC(X, Y)	X
#define _AT(T, X)	X
#else
#define __AC(X, Y)	(X##Y)
#define _AC(X, Y)	__AC(X, Y)
#define _AT(T, X)	((T)(X))
#endif

#define UL(x)		_AC(x, UL)
#define ULL(x)		_AC(x, ULL)
#define BIT(n)		(UL(1) << (n))

#define SZ_1K		0x00000400
#define SZ_4K		0x00001000
#define SZ_16K		0x00004000
#define SZ_64K		0x00010000
#define SZ_256K		0x00040000
#define SZ_1M		0x00100000
#define SZ_2M		0x00200000
#define SZ_4M		0x00400000
#define SZ_8M		0x00800000
#define SZ_16M		0x01000000
#define SZ_32M		0x02000000
#define SZ_256M		0x10000000
#define SZ_1G		0x40000000

#endif
