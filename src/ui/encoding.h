/* SPDX-License-Identifier: MulanPSL-2.0 */
/*
 * encoding: make sure the terminal and the locale agree on the character
 * encoding before anything is typed, so kepu never stores 乱码. Clients are
 * either UTF-8 or GBK/GB18030; the locale decides what ncurses decodes and
 * encodes.
 */
#ifndef KP_ENCODING_H
#define KP_ENCODING_H

#include <stdbool.h>

typedef enum { ENC_UNKNOWN, ENC_UTF8, ENC_GB18030 } kp_encoding;

/* Before curses: KEPU_TERMINAL_ENCODING (utf-8 or gb18030), when set,
 * chooses the encoding and switches the locale to match: 1. Unset: 0, and
 * the terminal is asked (below). -1 after explaining a bad value. */
int encoding_settle(void);

/* Before the first paint: print 中文 on row and ask the terminal where the
 * cursor is (false: not a terminal, nothing asked); the paint clears it.
 * After that paint, encoding_probe_check reads the answer (the screen
 * does not wait a round trip for it): the terminal's encoding must agree
 * with the locale. 0 when it does or did not answer; -1 when not — the
 * terminal is then restored and the problem explained on stderr, in
 * English and in the Chinese the terminal can show. Keys typed meanwhile
 * are kept. */
bool encoding_probe_send(int row);
int encoding_probe_check(void);

#endif
