/* SPDX-License-Identifier: MulanPSL-2.0 */
/* handover: give the terminal to another program (lrzsz's ZMODEM) and take
 * it back, drawn afresh (the import screen's F5, the attachments screen). */
#ifndef KP_HANDOVER_H
#define KP_HANDOVER_H

#include <stdio.h>

void ui_leave_curses(void);
/* The same, then s on the bare terminal, wrapped at its width as the
 * screens wrap (handover_wrap): what to do while the other program runs. */
void ui_leave_curses_saying(const char *s);
/* s to out in lines of at most width cells ending "\r\n", broken where a
 * screen breaks them (text_line_end): the terminal's own wrap cut words
 * and numbers (「最大 20 M」「iB」). */
void handover_wrap(FILE *out, int width, const char *s);
/* Throw away what arrives on fd until none has come for quiet_ms, for
 * max_ms at most (-1 then, else 0), calling busy (when not NULL) once a
 * second while it keeps coming. */
int handover_drain(int fd, int quiet_ms, int max_ms, void (*busy)(void));
void ui_resume_curses(void);

#endif
