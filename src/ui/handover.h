/* SPDX-License-Identifier: MulanPSL-2.0 */
/* handover: give the terminal to another program (lrzsz's ZMODEM) and take
 * it back, drawn afresh (the import screen's F5, the attachments screen). */
#ifndef KP_HANDOVER_H
#define KP_HANDOVER_H

void ui_leave_curses(void);
void ui_resume_curses(void);

#endif
