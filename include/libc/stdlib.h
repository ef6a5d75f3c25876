/* The C library's <stdlib.h> for code that expects one (libfdt): strtoul lives in lib/string.c. */
#include <linux/string.h>
