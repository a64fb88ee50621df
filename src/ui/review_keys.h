/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The terminal's keys into an open F9 prompt: the list's and the opened
 * record's one way (review_keys.c). */
#ifndef KP_REVIEW_KEYS_H
#define KP_REVIEW_KEYS_H
#include "ui/review_prompt.h"

/* key into the open prompt p, said on s's status line; MR_SAVED or
 * MR_REFUSED when a decision was taken or refused (reload then). */
mr_result review_prompt_take(review_prompt *p, ui_app *app, ui_screen *s, kp_key key);

#endif
