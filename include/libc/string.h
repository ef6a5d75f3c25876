/* The C library's <string.h> for code that expects one (libfdt): the kernel's own. */
#include <linux/string.h>
