/* SPDX-License-Identifier: MulanPSL-2.0 */
#include "core/msg.h"

static const char *const catalogue[MSG_COUNT] = {
#define KP_MSG_TEXT(id, text) [MSG_##id] = text,
	KP_MESSAGES(KP_MSG_TEXT)
#undef KP_MSG_TEXT
};

const char *msg(enum kp_msg_id id)
{
	return (id >= 0 && id < MSG_COUNT) ? catalogue[id] : "";
}
