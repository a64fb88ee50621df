/* SPDX-License-Identifier: MulanPSL-2.0 */
/* The one table of the actions the store writes into the audit trail and
 * what each is called on screen: db_audit refuses an action missing here,
 * so no raw code (year_open) ever reaches the audit screen. */
#include <string.h>

#include "core/msg.h"
#include "store/store.h"

static const struct {
	const char *code;
	enum kp_msg_id label;
} actions[] = {
	{"insert", MSG_AU_INSERT}, {"update", MSG_AU_UPDATE}, {"delete", MSG_AU_DELETE},
	{"import", MSG_AU_IMPORT},
	{"login", MSG_AU_LOGIN}, {"login_failed", MSG_AU_LOGIN_FAILED},
	{"password_change", MSG_AU_PASSWORD}, {"password_reset", MSG_AU_RESET},
	{"user_add", MSG_AU_USER_ADD}, {"user_disable", MSG_AU_USER_DISABLE},
	{"user_lock", MSG_AU_USER_LOCK}, {"user_unlock", MSG_AU_USER_UNLOCK},
	{"auto_advance_on", MSG_AU_AUTO_ON}, {"auto_advance_off", MSG_AU_AUTO_OFF},
	{"submit", MSG_RV_SUBMIT}, {"approve", MSG_RV_APPROVE}, {"return", MSG_RV_RETURN},
	{"reopen", MSG_RV_REOPEN}, {"withdraw", MSG_RV_WITHDRAW},
	{"duplicate", MSG_UI_AU_DUP}, {"tick", MSG_AU_TICK}, {"untick", MSG_AU_UNTICK},
	{"chain_start", MSG_AU_CHAIN_START}, {"accept", MSG_AU_ACCEPT},
	{"accept_chain", MSG_AU_ACCEPT_CHAIN}, {"guard_restored", MSG_AU_GUARD_RESTORED},
	{"move_year", MSG_AU_MOVE_YEAR}, {"attach", MSG_AU_ATTACH}, {"detach", MSG_AU_DETACH},
	{"year_open", MSG_AU_YEAR_OPEN}, {"year_close", MSG_AU_YEAR_CLOSE},
	{"year_reopen", MSG_AU_YEAR_REOPEN}, {"year_reopen_unit", MSG_AU_YEAR_REOPEN_UNIT},
	{"year_close_unit", MSG_AU_YEAR_CLOSE_UNIT}, {"unapprove", MSG_AU_UNAPPROVE},
	{"password_failed", MSG_AU_PASSWORD_FAILED},
};

#define NACTIONS (sizeof actions / sizeof actions[0])

const char *store_audit_label(const char *action)
{
	for (size_t i = 0; action && i < NACTIONS; i++)
		if (!strcmp(actions[i].code, action))
			return msg(actions[i].label);
	return NULL;
}

const char *store_audit_action(size_t i) { return i < NACTIONS ? actions[i].code : NULL; }
