#include "services/report/pg_violation_store.h"

#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "airr/sql/queries.h"
#include "libs/api/etag.h"
#include "libs/api/resource_name.h"
#include "libs/common/errors.h"
#include "libs/common/status_macros.h"
#include "libs/pg/mutation_log.h"
#include "libs/pg/rows.h"
#include "libs/pg/tx.h"
#include "services/report/incident_facts_store.h"
#include "services/report/principle_names.h"
#include "services/report/resource_names.h"

namespace airr::report {
namespace {

constexpr char kResourceType[] = "airr.report.v1.Violation";

std::string ViolationName(const std::string& incident_id, const std::string& id) {
  return api::FormatChildResourceName(kIncidentCollection, incident_id, kViolationCollection, id);
}

std::string RuleName(const std::string& id) {
  return api::FormatResourceName(kSuggestionRuleCollection, id);
}

template <typename MutableTime>
void SetTime(const pqxx::field& micros, MutableTime mutable_time) {
  if (!micros.is_null()) {
    *mutable_time() = pg::TimestampFromMicros(micros);
  }
}

ViolationRecord RecordFromRow(const pqxx::row& row, int64_t* version) {
  ViolationRecord r;
  r.incident_id = row["incident_id"].c_str();
  r.id = row["id"].c_str();
  r.assessor_id = row["assessor_id"].c_str();
  r.confirmer_id = row["confirmer_id"].c_str();
  v1::Violation& v = r.violation;
  v.set_name(ViolationName(r.incident_id, r.id));
  v.set_principle(PrincipleName(row["principle_id"].c_str()));
  v.set_rationale(row["rationale"].c_str());
  for (auto& ref : pg::FromTextArray(row["evidence_refs"])) {
    v.add_evidence_refs(std::move(ref));
  }
  v.set_confidence(pg::EnumColumn<v1::Confidence>(row["confidence"]));
  if (!row["suggestion_rule_id"].is_null()) {
    v.set_suggestion_rule(RuleName(row["suggestion_rule_id"].c_str()));
  }
  v.set_state(pg::EnumColumn<v1::ViolationState>(row["state"]));
  v.set_assessor(row["assessor"].c_str());
  SetTime(row["assess_time_us"], [&] { return v.mutable_assess_time(); });
  v.set_confirmer(row["confirmer"].c_str());
  SetTime(row["confirm_time_us"], [&] { return v.mutable_confirm_time(); });
  v.set_confirm_note(row["confirm_note"].c_str());
  v.set_unlinked_by(row["unlinked_by"].c_str());
  SetTime(row["unlink_time_us"], [&] { return v.mutable_unlink_time(); });
  v.set_unlink_reason(row["unlink_reason"].c_str());
  SetTime(row["create_time_us"], [&] { return v.mutable_create_time(); });
  SetTime(row["update_time_us"], [&] { return v.mutable_update_time(); });
  *version = row["version"].as<int64_t>();
  v.set_etag(api::FormatEtag(*version));
  return r;
}

absl::Status ReadRecord(pg::Tx& tx, const char* query, const std::string& incident_id,
                        const std::string& id, ViolationRecord* out, int64_t* version) {
  const pqxx::result rows = tx.exec_prepared(query, incident_id, id);
  if (rows.empty()) {
    return ResourceNotFound("Violation", ViolationName(incident_id, id), kResourceType);
  }
  *out = RecordFromRow(rows[0], version);
  return absl::OkStatus();
}

absl::Status CheckIncident(pg::Tx& tx, const std::string& incident_id) {
  if (tx.exec_prepared(sql::kViolationIncidentExists, incident_id).empty()) {
    return IncidentNotFound(incident_id);
  }
  return absl::OkStatus();
}

// ALREADY_EXISTS (ALREADY_LINKED) when the incident has an active link to `principle_id`.
absl::Status CheckNotLinked(pg::Tx& tx, const std::string& incident_id,
                            const std::string& principle_id) {
  const pqxx::result rows = tx.exec_prepared(sql::kFindActiveViolation, incident_id, principle_id);
  if (rows.empty()) {
    return absl::OkStatus();
  }
  const std::string existing = ViolationName(incident_id, rows[0]["id"].c_str());
  return ErrorWithReason(
      absl::StatusCode::kAlreadyExists,
      absl::StrCat(PrincipleName(principle_id), " is already linked to ",
                   api::FormatResourceName(kIncidentCollection, incident_id), " by ", existing),
      "ALREADY_LINKED", {{"violation", existing}});
}

// INVALID_ARGUMENT on violation.principle unless it is a linkable catalog entry, and on
// violation.suggestion_rule unless the rule (when named) exists and suggests that principle.
absl::Status CheckLinkTargets(pg::Tx& tx, const std::string& principle_id,
                              const std::string& rule_id, const NewViolation& v) {
  const pqxx::result principle = tx.exec_prepared(sql::kGetPrinciple, principle_id);
  if (principle.empty()) {
    return InvalidField("violation.principle",
                        absl::StrCat("must name a principle of the catalog; ", v.link.principle(),
                                     " does not exist"));
  }
  if (std::string(principle[0]["kind"].c_str()) == "COMMON_PRINCIPLE") {
    return InvalidField("violation.principle",
                        absl::StrCat("must be a sub-item or an advanced-AI principle, not the "
                                     "common principle ",
                                     v.link.principle(), " (e.g. ", v.link.principle(), ".1)"));
  }
  if (rule_id.empty()) {
    return absl::OkStatus();
  }
  const pqxx::result rule = tx.exec_prepared(sql::kGetSuggestionRulePrinciple, rule_id);
  if (rule.empty()) {
    return InvalidField(
        "violation.suggestion_rule",
        absl::StrCat("must name a suggestion rule; ", v.link.suggestion_rule(), " does not exist"));
  }
  // A link accepted from a suggestion must link what the rule suggests.
  if (principle_id != rule[0]["principle_id"].c_str()) {
    return InvalidField(
        "violation.suggestion_rule",
        absl::StrCat("must suggest ", v.link.principle(), "; ", v.link.suggestion_rule(),
                     " suggests ", PrincipleName(rule[0]["principle_id"].c_str())));
  }
  return absl::OkStatus();
}

v1::SuggestionRule RuleFromRow(const pqxx::row& row) {
  v1::SuggestionRule rule;
  rule.set_name(RuleName(row["id"].c_str()));
  rule.set_principle(PrincipleName(row["principle_id"].c_str()));
  rule.set_fact(pg::EnumColumn<v1::SuggestionFact>(row["fact"]));
  for (auto& value : pg::FromTextArray(row["match_values"])) {
    rule.add_values(std::move(value));
  }
  rule.set_confidence(pg::EnumColumn<v1::Confidence>(row["confidence"]));
  rule.set_description(row["description"].c_str());
  return rule;
}

}  // namespace

absl::StatusOr<v1::Violation> PgViolationStore::Link(const RequestScope& scope,
                                                     const NewViolation& v) {
  const std::string principle_id(
      absl::StripPrefix(v.link.principle(), absl::StrCat(kPrincipleCollection, "/")));
  const std::string rule_id(
      absl::StripPrefix(v.link.suggestion_rule(), absl::StrCat(kSuggestionRuleCollection, "/")));
  v1::Violation created;
  auto link = [&](pg::Tx& tx) -> absl::Status {
    AIRR_RETURN_IF_ERROR(CheckLinkTargets(tx, principle_id, rule_id, v));
    AIRR_RETURN_IF_ERROR(CheckIncident(tx, v.incident_id));
    AIRR_RETURN_IF_ERROR(CheckNotLinked(tx, v.incident_id, principle_id));
    tx.exec_prepared0(sql::kInsertViolation, v.incident_id, v.id, principle_id, v.link.rationale(),
                      pg::ToTextArray(v.link.evidence_refs()), pg::EnumParam(v.link.confidence()),
                      rule_id, v.assessor, v.assessor_id, pg::TimeText(v.assess_time));
    ViolationRecord record;
    int64_t version = 0;
    AIRR_RETURN_IF_ERROR(
        ReadRecord(tx, sql::kGetViolation, v.incident_id, v.id, &record, &version));
    created = record.violation;
    pg::RecordChange(tx, scope, created.name(), "report.violation.linked", nullptr, created);
    return absl::OkStatus();
  };
  absl::Status status = pg::RunInTx(pool_, pg::TxScopeOf(scope), link);
  if (absl::IsAlreadyExists(status) && ErrorReason(status).empty()) {
    // A concurrent link of the same principle committed first (the unique index refused this
    // one): answer as if it had been there before.
    status = pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
      AIRR_RETURN_IF_ERROR(CheckNotLinked(tx, v.incident_id, principle_id));
      return absl::AlreadyExistsError("the violation was linked concurrently");
    });
  }
  if (!status.ok()) {
    return status;
  }
  return created;
}

absl::StatusOr<v1::Violation> PgViolationStore::Get(const RequestScope& scope,
                                                    const std::string& incident_id,
                                                    const std::string& id) {
  ViolationRecord record;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) {
    int64_t version = 0;
    return ReadRecord(tx, sql::kGetViolation, incident_id, id, &record, &version);
  }));
  return record.violation;
}

absl::StatusOr<ViolationPage> PgViolationStore::List(const RequestScope& scope,
                                                     const ViolationPageQuery& query) {
  std::string after_micros, after_incident, after_id;
  if (query.after) {
    after_micros = query.after->sort_value;
    std::pair<std::string, std::string> tie = absl::StrSplit(query.after->tie_value, '/');
    after_incident = tie.first;
    after_id = tie.second;
  }
  ViolationPage page;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    if (!query.incident_id.empty()) {
      AIRR_RETURN_IF_ERROR(CheckIncident(tx, query.incident_id));
    }
    const pqxx::result rows =
        tx.exec_prepared(sql::kListViolations, query.incident_id, query.principle_id,
                         query.show_unlinked ? "true" : "false", after_micros, after_incident,
                         after_id, query.page_size + 1);
    api::PageCursor last;
    for (const auto& row : rows) {
      if (static_cast<int>(page.violations.size()) == query.page_size) {
        page.next = last;
        break;
      }
      int64_t version = 0;
      ViolationRecord record = RecordFromRow(row, &version);
      last = api::PageCursor{row["create_time_us"].c_str(),
                             absl::StrCat(record.incident_id, "/", record.id)};
      page.violations.push_back(std::move(record.violation));
    }
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<v1::Violation> PgViolationStore::Mutate(
    const RequestScope& scope, const std::string& incident_id, const std::string& id,
    std::optional<int64_t> expected_version, const std::string& topic,
    const std::function<absl::Status(ViolationRecord&)>& change) {
  v1::Violation result;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    ViolationRecord current;
    int64_t version = 0;
    tx.exec_prepared(sql::kLockViolation, incident_id, id);
    AIRR_RETURN_IF_ERROR(ReadRecord(tx, sql::kGetViolation, incident_id, id, &current, &version));
    AIRR_RETURN_IF_ERROR(api::CheckEtagVersion(
        expected_version, version, absl::StrCat("Violation ", current.violation.name())));
    ViolationRecord next = current;
    AIRR_RETURN_IF_ERROR(change(next));
    const v1::Violation& n = next.violation;
    tx.exec_prepared0(
        sql::kUpdateViolation, incident_id, id, pg::EnumParam(n.state()), n.confirmer(),
        next.confirmer_id, pg::TimestampText(n.has_confirm_time() ? &n.confirm_time() : nullptr),
        n.confirm_note(), n.unlinked_by(),
        pg::TimestampText(n.has_unlink_time() ? &n.unlink_time() : nullptr), n.unlink_reason());
    ViolationRecord stored;
    AIRR_RETURN_IF_ERROR(ReadRecord(tx, sql::kGetViolation, incident_id, id, &stored, &version));
    result = stored.violation;
    pg::RecordChange(tx, scope, result.name(), topic, &current.violation, result);
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<SuggestionRulePage> PgViolationStore::ListSuggestionRules(const RequestScope& scope,
                                                                         const std::string& after,
                                                                         int page_size) {
  SuggestionRulePage page;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) {
    std::string last;
    for (const auto& row : tx.exec_prepared(sql::kListSuggestionRules, after, page_size + 1)) {
      if (static_cast<int>(page.rules.size()) == page_size) {
        page.next_after = last;
        break;
      }
      page.rules.push_back(RuleFromRow(row));
      last = row["id"].c_str();
    }
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<SuggestionInputs> PgViolationStore::LoadSuggestionInputs(
    const RequestScope& scope, const std::string& incident_id) {
  SuggestionInputs inputs;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    for (const auto& row : tx.exec_prepared(sql::kLoadSuggestionRules)) {
      v1::SuggestionRule rule = RuleFromRow(row);
      inputs.catalog[rule.principle()] = CatalogEntry{
          row["title_en"].c_str(), row["title_ja"].c_str(), row["sort_order"].as<int>()};
      inputs.rules.push_back(std::move(rule));
    }
    for (const auto& row : tx.exec_prepared(sql::kListActiveViolationPrinciples, incident_id)) {
      inputs.active_links[PrincipleName(row["principle_id"].c_str())] =
          ViolationName(incident_id, row["id"].c_str());
    }
    return absl::OkStatus();
  }));
  return inputs;
}

}  // namespace airr::report
