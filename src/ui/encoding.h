/*
 * encoding: make sure the terminal and the locale agree on the character
 * encoding before anything is typed, so kepu never stores 乱码. Clients are
 * either UTF-8 or GBK/GB18030; the locale decides what ncurses decodes and
 * encodes. Call after setlocale and before term_start.
 */
#ifndef KP_ENCODING_H
#define KP_ENCODING_H

typedef enum { ENC_UNKNOWN, ENC_UTF8, ENC_GB18030 } kp_encoding;

/* Ask the terminal: print 中文 in UTF-8 and read the cursor position back
 * (a UTF-8 terminal moves 4 cells). ENC_UNKNOWN when it does not answer
 * within timeout_ms or stdin/stdout is not a terminal. */
kp_encoding encoding_probe(int timeout_ms);

/* Settle the encoding: KEPU_TERMINAL_ENCODING (utf-8 or gb18030) chooses
 * it and switches the locale to match; otherwise the probe must agree with
 * the locale. Returns 0, or -1 after explaining the problem on stderr (in
 * English and in Chinese the terminal can show). */
int encoding_settle(void);

#endif
