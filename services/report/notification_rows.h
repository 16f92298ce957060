// Conversions between the rows of notification_rules / notifications and their protos, shared by
// PgNotificationRuleStore and PgNotificationStore (which reads rules for evaluations). Only the
// Pg stores include this file.
#pragma once

#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "airr/report/v1/report_service.pb.h"

namespace airr::report {

// A row of get_notification_rule.sql (and the other rule queries of the same columns). The
// conditions are parsed from proto JSON; a row whose JSON does not parse keeps no conditions of
// that list (the validator and the migration only ever write valid JSON).
v1::NotificationRule NotificationRuleFromRow(const pqxx::row& row);

// The parameters $3.. of insert_notification_rule.sql for `rule`.
std::vector<std::string> NotificationRuleParams(const v1::NotificationRule& rule);

// A list of conditions as a JSON array of proto JSON objects.
std::string ConditionsToJson(const google::protobuf::RepeatedPtrField<v1::RuleCondition>& list);

// A row of get_notification.sql (and the other obligation queries of the same columns), as stored
// (no derived state), with its etag; `version` receives the row version.
v1::Notification NotificationFromRow(const pqxx::row& row, int64_t* version);

// The parameters $3..$27 of update_notification.sql for `n`.
std::vector<std::string> NotificationUpdateParams(const v1::Notification& n);

}  // namespace airr::report
