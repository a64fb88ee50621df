/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Linked into the sanitized kepu-datadir only. LeakSanitizer needs to
 * trace its own process, which the kernel forbids in one started setgid
 * by another account (not dumpable), and reads ASAN_OPTIONS from
 * /proc/self/environ, which such a process cannot read either: so the
 * default itself says no leak check. ASan and UBSan stay. */
const char *__asan_default_options(void);

const char *__asan_default_options(void)
{
	return "detect_leaks=0";
}
