/* The kernel command line and the options parsed early. */
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/setup.h>

char boot_command_line[COMMAND_LINE_SIZE];

extern const struct obs_kernel_param __setup_start[], __setup_end[];

/* Follows Linux's do_early_param (init/main.c, v6.x): run the handler for one "name[=value]" word. */
static void do_early_param(char *param, char *val)
{
	for (const struct obs_kernel_param *p = __setup_start; p < __setup_end; p++) {
		if (strcmp(param, p->str) == 0) {
			if (p->setup_func(val || p->null_when_bare ? val : (char *)"") != 0)
				pr_warn("Malformed early option '%s'\n", param);
			return;
		}
	}
}

/* Follows Linux's parse_early_param (init/main.c, v6.x) on a private copy of the line. */
void parse_early_param(void)
{
	static char tmp[COMMAND_LINE_SIZE];
	char *s = tmp;

	memcpy(tmp, boot_command_line, sizeof(tmp));
	tmp[sizeof(tmp) - 1] = 0;
	while (*s) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s)
			break;
		char *word = s;
		char *val = NULL;
		bool quoted = false;

		for (; *s && (quoted || (*s != ' ' && *s != '\t')); s++) {
			if (*s == '"')
				quoted = !quoted;
			else if (*s == '=' && !val) {
				*s = 0;
				val = s + 1;
			}
		}
		if (*s)
			*s++ = 0;
		do_early_param(word, val);
	}
}
