#include "services/playbook/pg_run_store.h"

#include <algorithm>
#include <map>
#include <optional>
#include <pqxx/pqxx>
#include <tuple>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "airr/sql/queries.h"
#include "google/protobuf/util/message_differencer.h"
#include "libs/api/etag.h"
#include "libs/common/errors.h"
#include "libs/common/status_macros.h"
#include "libs/pg/mutation_log.h"
#include "libs/pg/rows.h"
#include "libs/pg/tx.h"
#include "services/playbook/pg_run_insert.h"
#include "services/playbook/pg_run_rows.h"
#include "services/playbook/playbook_json.h"
#include "services/playbook/resource_names.h"

namespace airr::playbook {
namespace {

constexpr char kRunType[] = "airr.playbook.v1.Run";
constexpr char kPlaybookType[] = "airr.playbook.v1.Playbook";

absl::Status RunNotFound(const std::string& playbook_id, const std::string& run_id) {
  return ResourceNotFound("Run", RunName(playbook_id, run_id), kRunType);
}

absl::Status PlaybookNotFound(const std::string& playbook_id) {
  return ResourceNotFound("Playbook", PlaybookName(playbook_id), kPlaybookType);
}

// The id in `incidents/{id}`.
std::string IncidentIdOf(const std::string& incident_name) {
  const size_t slash = incident_name.rfind('/');
  return slash == std::string::npos ? incident_name : incident_name.substr(slash + 1);
}

std::string OptionalTime(bool has, const google::protobuf::Timestamp& ts) {
  return has ? pg::TimestampText(&ts) : "";
}

// Reads the run `query` finds by (`playbook_id`, `run_id`) with its steps; NOT_FOUND when there
// is none.
absl::Status ReadRun(pg::Tx& tx, const char* query, const std::string& playbook_id,
                     const std::string& run_id, v1::Run* out, int64_t* version) {
  pqxx::result rows = tx.exec_prepared(query, playbook_id, run_id);
  if (rows.empty()) {
    return RunNotFound(playbook_id, run_id);
  }
  *out = RunFromRow(rows[0], version);
  for (const pqxx::row& row : tx.exec_prepared(sql::kListRunSteps, playbook_id, run_id)) {
    *out->add_steps() = RunStepFromRow(row);
  }
  return absl::OkStatus();
}

// The run that request `request_id` started, if any.
absl::StatusOr<std::optional<v1::Run>> FindByRequest(pg::Tx& tx, const std::string& request_id) {
  pqxx::result rows = tx.exec_prepared(sql::kFindRunByRequest, request_id);
  if (rows.empty()) {
    return std::optional<v1::Run>();
  }
  v1::Run run;
  int64_t version = 0;
  AIRR_RETURN_IF_ERROR(ReadRun(tx, sql::kGetRun, rows[0]["playbook_id"].c_str(),
                               rows[0]["id"].c_str(), &run, &version));
  return std::optional<v1::Run>(std::move(run));
}

// ALREADY_EXISTS RUN_EXISTS when incident `incident_id` has a run of the playbook that was not
// aborted.
absl::Status CheckNoLiveRun(pg::Tx& tx, const std::string& playbook_id,
                            const std::string& incident_id) {
  pqxx::result rows = tx.exec_prepared(sql::kFindLiveIncidentRun, playbook_id, incident_id);
  if (rows.empty()) {
    return absl::OkStatus();
  }
  const std::string live = RunName(playbook_id, rows[0]["id"].c_str());
  return ErrorWithReason(
      absl::StatusCode::kAlreadyExists,
      absl::StrCat(IncidentName(incident_id), " already has run ", live, " of ",
                   PlaybookName(playbook_id), "; abort it before starting another"),
      "RUN_EXISTS", {{"run", live}});
}

// Copies the version's steps into the new run, all PENDING, in one statement.
void InsertSteps(pg::Tx& tx, const std::string& playbook_id, const std::string& run_id,
                 const v1::Playbook& version) {
  std::vector<std::string> ids, titles, instructions, roles, offsets, depends_on, mandatory, kinds,
      milestones;
  for (const v1::PlaybookStep& step : version.steps()) {
    ids.push_back(step.id());
    titles.push_back(step.title());
    instructions.push_back(step.instructions());
    roles.push_back(pg::EnumParam(step.role()));
    offsets.push_back(absl::StrCat(step.target_offset().seconds()));
    depends_on.push_back(absl::StrJoin(step.depends_on(), ","));
    mandatory.push_back(step.mandatory() ? "true" : "false");
    kinds.push_back(pg::EnumParam(step.kind()));
    milestones.push_back(pg::EnumParam(step.milestone()));
  }
  tx.exec_prepared0(sql::kInsertRunSteps, playbook_id, run_id, pg::ToTextArray(ids),
                    pg::ToTextArray(titles), pg::ToTextArray(instructions), pg::ToTextArray(roles),
                    pg::ToTextArray(offsets), pg::ToTextArray(depends_on),
                    pg::ToTextArray(mandatory), pg::ToTextArray(kinds),
                    pg::ToTextArray(milestones));
}

// Appends `events` to the run's timeline, numbered after its last entry.
void AppendTimeline(pg::Tx& tx, const std::string& playbook_id, const std::string& run_id,
                    const std::vector<v1::RunEvent>& events) {
  if (events.empty()) {
    return;
  }
  std::vector<std::string> types, times, steps, actors, titles, texts;
  for (const v1::RunEvent& event : events) {
    types.push_back(pg::EnumParam(event.type()));
    times.push_back(pg::TimestampText(&event.occur_time()));
    steps.push_back(event.step_id());
    actors.push_back(event.actor());
    titles.push_back(event.title());
    texts.push_back(event.text());
  }
  tx.exec_prepared0(sql::kInsertRunEvents, playbook_id, run_id, pg::ToTextArray(types),
                    pg::ToTextArray(times), pg::ToTextArray(steps), pg::ToTextArray(actors),
                    pg::ToTextArray(titles), pg::ToTextArray(texts));
}

// Writes the run's changeable columns and every step that differs from `before`.
void WriteRun(pg::Tx& tx, const std::string& playbook_id, const std::string& run_id,
              const v1::Run& before, const v1::Run& after) {
  tx.exec_prepared0(sql::kUpdateRun, playbook_id, run_id, pg::EnumParam(after.state()),
                    OptionalTime(after.has_end_time(), after.end_time()), after.ended_by(),
                    after.abort_reason(), after.summary(), pg::MessageToJson(after.evaluation()),
                    pg::TimestampText(&after.update_time()));
  for (int i = 0; i < after.steps_size() && i < before.steps_size(); ++i) {
    const v1::RunStep& step = after.steps(i);
    if (google::protobuf::util::MessageDifferencer::Equals(step, before.steps(i))) {
      continue;
    }
    tx.exec_prepared0(
        sql::kUpdateRunStep, playbook_id, run_id, step.step().id(), pg::EnumParam(step.state()),
        OptionalTime(step.has_start_time(), step.start_time()),
        OptionalTime(step.has_end_time(), step.end_time()), step.started_by(), step.ended_by(),
        step.notes(), step.skip_reason(), step.skip_override() ? "true" : "false");
  }
}

// The split of a ListRuns tie value "<playbook id>/<run id>" (ids never contain '/').
std::pair<std::string, std::string> SplitTie(const std::string& tie) {
  return absl::StrSplit(tie, absl::MaxSplits('/', 1));
}

}  // namespace

absl::StatusOr<v1::Run> InsertRun(pg::Tx& tx, const RequestScope& scope, const RunStart& start) {
  if (!start.request_id.empty()) {
    // The same request ran before: answer with what it started, write nothing.
    AIRR_ASSIGN_OR_RETURN(std::optional<v1::Run> earlier, FindByRequest(tx, start.request_id));
    if (earlier) {
      return *std::move(earlier);
    }
  }
  tx.exec_prepared(sql::kLockPlaybookForRun, start.playbook_id);
  pqxx::result playbook = tx.exec_prepared(sql::kGetRunStartVersion, start.playbook_id);
  if (playbook.empty()) {
    return PlaybookNotFound(start.playbook_id);
  }
  if (!playbook[0]["archive_time_us"].is_null()) {
    return ErrorWithReason(
        absl::StatusCode::kFailedPrecondition,
        absl::StrCat(PlaybookName(start.playbook_id), " is archived; it starts no runs"),
        "ARCHIVED", {{"playbook", PlaybookName(start.playbook_id)}});
  }
  const int version_number = playbook[0]["current_version"].as<int>();
  AIRR_ASSIGN_OR_RETURN(v1::Playbook version,
                        PlaybookFromDefinitionJson(playbook[0]["definition"].c_str()));
  const bool incident_run = start.kind == v1::RUN_KIND_INCIDENT;
  if (incident_run) {
    if (tx.exec_prepared(sql::kRunIncidentState, start.incident_id).empty()) {
      return InvalidField("incident",
                          absl::StrCat("must name an incident of the tenant; ",
                                       IncidentName(start.incident_id), " does not exist"));
    }
    AIRR_RETURN_IF_ERROR(CheckNoLiveRun(tx, start.playbook_id, start.incident_id));
  }
  pqxx::result inserted = tx.exec_prepared(
      sql::kInsertRun, start.playbook_id, start.run_id, version_number, pg::EnumParam(start.kind),
      incident_run ? start.incident_id : "", pg::EnumParam(start.start_mode),
      incident_run ? "" : pg::MessageToJson(start.drill),
      version.triggers().bcp() ? "true" : "false", pg::TimeText(start.start_time), scope.actor,
      start.request_id, pg::TimeText(start.now));
  if (inserted.empty()) {
    // A concurrent transaction committed a conflicting run after the checks above: the same
    // request, another live run of the incident, or (improbably) the same run id.
    if (!start.request_id.empty()) {
      AIRR_ASSIGN_OR_RETURN(std::optional<v1::Run> earlier, FindByRequest(tx, start.request_id));
      if (earlier) {
        return *std::move(earlier);
      }
    }
    if (incident_run) {
      AIRR_RETURN_IF_ERROR(CheckNoLiveRun(tx, start.playbook_id, start.incident_id));
    }
    return ErrorWithReason(
        absl::StatusCode::kAlreadyExists,
        absl::StrCat("Run ", RunName(start.playbook_id, start.run_id), " already exists"),
        "RESOURCE_EXISTS", {{"resource_type", kRunType}});
  }
  InsertSteps(tx, start.playbook_id, start.run_id, version);
  v1::Run run;
  int64_t row_version = 0;
  AIRR_RETURN_IF_ERROR(
      ReadRun(tx, sql::kGetRun, start.playbook_id, start.run_id, &run, &row_version));
  AppendTimeline(tx, start.playbook_id, start.run_id, {RunStartedEvent(run)});
  pg::RecordChange(tx, scope, run.name(), "run.started", nullptr, run, start.request_id);
  return run;
}

absl::StatusOr<v1::Run> PgRunStore::Start(const RequestScope& scope, const RunStart& start) {
  v1::Run run;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    AIRR_ASSIGN_OR_RETURN(run, InsertRun(tx, scope, start));
    return absl::OkStatus();
  }));
  return run;
}

absl::StatusOr<v1::Run> PgRunStore::Get(const RequestScope& scope, const std::string& playbook_id,
                                        const std::string& run_id) {
  v1::Run run;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) {
    int64_t version = 0;
    return ReadRun(tx, sql::kGetRun, playbook_id, run_id, &run, &version);
  }));
  return run;
}

absl::StatusOr<RunPage> PgRunStore::List(const RequestScope& scope, const RunPageQuery& query) {
  std::vector<std::string> states;
  for (v1::RunState state : query.states) {
    states.push_back(pg::EnumParam(state));
  }
  std::string after_start, after_playbook, after_run;
  if (query.after) {
    after_start = query.after->sort_value;
    std::tie(after_playbook, after_run) = SplitTie(query.after->tie_value);
  }
  RunPage page;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    page = RunPage();
    if (!query.playbook_id.empty() &&
        tx.exec_prepared(sql::kRunPlaybookExists, query.playbook_id).empty()) {
      return PlaybookNotFound(query.playbook_id);
    }
    pqxx::result rows =
        tx.exec_prepared(sql::kListRuns, query.playbook_id,
                         query.kind == v1::RUN_KIND_UNSPECIFIED ? "" : pg::EnumParam(query.kind),
                         pg::ToTextArray(states), query.incident_id, after_start, after_playbook,
                         after_run, static_cast<int64_t>(query.page_size) + 1);
    const size_t keep = std::min<size_t>(rows.size(), static_cast<size_t>(query.page_size));
    std::vector<std::string> playbook_ids, run_ids;
    std::map<std::pair<std::string, std::string>, size_t> index;
    for (size_t i = 0; i < keep; ++i) {
      int64_t version = 0;
      page.runs.push_back(RunFromRow(rows[i], &version));
      playbook_ids.push_back(rows[i]["playbook_id"].c_str());
      run_ids.push_back(rows[i]["id"].c_str());
      index[{playbook_ids.back(), run_ids.back()}] = i;
    }
    if (keep > 0) {
      for (const pqxx::row& row : tx.exec_prepared(
               sql::kListStepsOfRuns, pg::ToTextArray(playbook_ids), pg::ToTextArray(run_ids))) {
        auto it = index.find({row["playbook_id"].c_str(), row["run_id"].c_str()});
        if (it != index.end()) {
          *page.runs[it->second].add_steps() = RunStepFromRow(row);
        }
      }
    }
    if (rows.size() > keep && keep > 0) {
      page.next = api::PageCursor{pg::TimestampText(&page.runs.back().start_time()),
                                  absl::StrCat(playbook_ids.back(), "/", run_ids.back())};
    }
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<v1::Run> PgRunStore::Mutate(const RequestScope& scope,
                                           const std::string& playbook_id,
                                           const std::string& run_id,
                                           std::optional<int64_t> expected_version,
                                           const RunMutation& change) {
  v1::Run result;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    v1::Run current;
    int64_t version = 0;
    tx.exec_prepared(sql::kLockRun, playbook_id, run_id);
    AIRR_RETURN_IF_ERROR(ReadRun(tx, sql::kGetRun, playbook_id, run_id, &current, &version));
    AIRR_RETURN_IF_ERROR(
        api::CheckEtagVersion(expected_version, version, absl::StrCat("Run ", current.name())));
    RunRecord record{current, incident::v1::STATE_UNSPECIFIED};
    if (current.kind() == v1::RUN_KIND_INCIDENT) {
      pqxx::result state =
          tx.exec_prepared(sql::kRunIncidentState, IncidentIdOf(current.incident()));
      if (!state.empty()) {
        record.incident_state = pg::EnumColumn<incident::v1::State>(state[0]["state"]);
      }
    }
    AIRR_ASSIGN_OR_RETURN(RunChange made, change(record));
    WriteRun(tx, playbook_id, run_id, current, record.run);
    AppendTimeline(tx, playbook_id, run_id, made.events);
    AIRR_RETURN_IF_ERROR(ReadRun(tx, sql::kGetRun, playbook_id, run_id, &result, &version));
    pg::RecordChange(tx, scope, result.name(), made.topic, &current, result);
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<RunReportSource> PgRunStore::GetReportSource(const RequestScope& scope,
                                                            const std::string& playbook_id,
                                                            const std::string& run_id) {
  RunReportSource source;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    source = RunReportSource();
    int64_t version = 0;
    AIRR_RETURN_IF_ERROR(ReadRun(tx, sql::kGetRun, playbook_id, run_id, &source.run, &version));
    for (const pqxx::row& row : tx.exec_prepared(sql::kListRunEvents, playbook_id, run_id)) {
      source.timeline.push_back(RunEventFromRow(row));
    }
    pqxx::result definition =
        tx.exec_prepared(sql::kGetRunVersion, playbook_id, source.run.playbook_version());
    if (definition.empty()) {
      return absl::InternalError(
          absl::StrCat("run ", source.run.name(), " follows a version that does not exist"));
    }
    AIRR_ASSIGN_OR_RETURN(source.version,
                          PlaybookFromDefinitionJson(definition[0]["definition"].c_str()));
    return absl::OkStatus();
  }));
  return source;
}

}  // namespace airr::playbook
