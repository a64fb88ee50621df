/* SPDX-License-Identifier: MulanPSL-2.0 */
/* Keys for the screen models' tests, pressed with no terminal: a
 * character, a function key, a control key, and text typed character by
 * character. */
#ifndef KP_MODEL_KEYS_H
#define KP_MODEL_KEYS_H
#include <curses.h> /* KEY_*: key codes only, no terminal is opened */
#include <string.h>

#include "core/utf8.h"
#include "ui/keymap.h"

#define CH(c) ((kp_key){false, (uint32_t)(c)})
#define FN(c) ((kp_key){true, (uint32_t)(c)})
#define ENTER CH('\r')
#define ESC CH(27)
#define TAB CH('\t')
#define SPACE CH(' ')
#define CTRL(c) CH((c) & 0x1f)

/* Run stmt once per character of text, with the key in k. */
#define TYPE_KEYS(text, stmt)                                               \
	for (size_t at_ = 0, n_ = strlen(text); at_ < n_;) {                \
		uint32_t cp_;                                               \
		at_ += utf8_decode((text) + at_, n_ - at_, &cp_);           \
		kp_key k = CH(cp_);                                         \
		stmt;                                                       \
	}

#endif
