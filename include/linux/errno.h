/* Error numbers, Linux's values (include/uapi/asm-generic/errno-base.h). Host builds may have them already. */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#ifndef EPERM
#define EPERM		1
#endif
#ifndef ENOENT
#define ENOENT		2
#define EIO		5
#endif
#ifndef ENXIO
#define ENXIO		6
#endif
#ifndef EAGAIN
#define EAGAIN		11
#endif
#ifndef ENOMEM
#define ENOMEM		12
#endif
#ifndef EBUSY
#define EBUSY		16
#endif
#ifndef ENODEV
#define ENODEV		19
#endif
#ifndef EINVAL
#define EINVAL		22
#endif
#ifndef ENOSPC
#define ENOSPC		28
#endif
#ifndef ERANGE
#define ERANGE		34
#define ENOSYS		38
#endif
#ifndef EALREADY
#define EALREADY	114
#endif

#ifndef ENXIO
#define ENXIO		6
#endif
#ifndef EOPNOTSUPP
#define EOPNOTSUPP	95
#endif

#endif
