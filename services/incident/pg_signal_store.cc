#include "services/incident/pg_signal_store.h"

#include <map>
#include <pqxx/pqxx>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "airr/sql/queries.h"
#include "libs/api/resource_name.h"
#include "libs/api/timestamps.h"
#include "libs/common/errors.h"
#include "libs/common/status_macros.h"
#include "libs/common/uuid.h"
#include "libs/pg/mutation_log.h"
#include "libs/pg/rows.h"
#include "libs/pg/tx.h"
#include "services/incident/incident_lifecycle.h"
#include "services/incident/incident_rows.h"
#include "services/incident/signal_dedup.h"

namespace airr::incident {
namespace {

// How many merges are followed from a fingerprint's incident to the one that survived.
constexpr int kMaxMergeHops = 5;

std::string SystemId(const v1::Signal& signal) {
  return std::string(absl::StripPrefix(signal.ai_system(), absl::StrCat(kAiSystemCollection, "/")));
}

// An incident locked for attaching signals.
struct LockedIncident {
  v1::State state = v1::STATE_UNSPECIFIED;
  std::string merged_into;
  int64_t signal_count = 0;
  std::optional<absl::Time> last_signal_time;
};

// INVALID_ARGUMENT naming the first signal whose AI system the tenant does not have.
absl::Status CheckAiSystems(pg::Tx& tx, const v1::SignalBatch& batch) {
  std::set<std::string> wanted;
  for (const auto& signal : batch.signals()) {
    wanted.insert(SystemId(signal));
  }
  std::set<std::string> found;
  for (const auto& row :
       tx.exec_prepared(sql::kFindAiSystems,
                        pg::ToTextArray(std::vector<std::string>(wanted.begin(), wanted.end())))) {
    found.insert(row["id"].c_str());
  }
  for (int i = 0; i < batch.signals_size(); ++i) {
    if (found.count(SystemId(batch.signals(i))) == 0) {
      return InvalidField(absl::StrCat("batch.signals[", i, "].ai_system"),
                          absl::StrCat("must name an AI system of this tenant; ",
                                       batch.signals(i).ai_system(), " does not exist"));
    }
  }
  return absl::OkStatus();
}

// Locks the fingerprints' groups; returns fingerprint -> incident id ("" for none yet).
std::map<std::string, std::string> LockGroups(pg::Tx& tx, const std::set<std::string>& fps) {
  const std::string array = pg::ToTextArray(std::vector<std::string>(fps.begin(), fps.end()));
  tx.exec_prepared0(sql::kInsertSignalGroups, array);
  std::map<std::string, std::string> groups;
  for (const auto& row : tx.exec_prepared(sql::kLockSignalGroups, array)) {
    groups[row["fingerprint"].c_str()] =
        row["incident_id"].is_null() ? "" : row["incident_id"].c_str();
  }
  return groups;
}

// Locks the groups' incidents and the survivors of the merged ones.
std::map<std::string, LockedIncident> LockIncidents(
    pg::Tx& tx, const std::map<std::string, std::string>& groups) {
  std::map<std::string, LockedIncident> locked;
  std::set<std::string> wanted;
  for (const auto& [fp, id] : groups) {
    if (!id.empty()) {
      wanted.insert(id);
    }
  }
  for (int hop = 0; hop <= kMaxMergeHops && !wanted.empty(); ++hop) {
    std::set<std::string> next;
    for (const auto& row : tx.exec_prepared(
             sql::kLockSignalIncidents,
             pg::ToTextArray(std::vector<std::string>(wanted.begin(), wanted.end())))) {
      LockedIncident& incident = locked[row["id"].c_str()];
      incident.state = pg::EnumColumn<v1::State>(row["state"]);
      incident.signal_count = row["signal_count"].as<int64_t>();
      if (!row["last_signal_time_us"].is_null()) {
        incident.last_signal_time = absl::FromUnixMicros(row["last_signal_time_us"].as<int64_t>());
      }
      if (!row["merged_into"].is_null()) {
        incident.merged_into = row["merged_into"].c_str();
        if (locked.count(incident.merged_into) == 0) {
          next.insert(incident.merged_into);
        }
      }
    }
    wanted = std::move(next);
  }
  return locked;
}

// The open incident a group's signals go to: its own, or the survivor it was merged into.
std::optional<OpenIncident> OpenIncidentOf(const std::string& group_incident,
                                           const std::map<std::string, LockedIncident>& locked) {
  std::string id = group_incident;
  for (int hop = 0; hop <= kMaxMergeHops && !id.empty(); ++hop) {
    auto it = locked.find(id);
    if (it == locked.end()) {
      return std::nullopt;
    }
    const LockedIncident& incident = it->second;
    if (incident.state == v1::STATE_MERGED) {
      id = incident.merged_into;
      continue;
    }
    if (!IsOpen(incident.state)) {
      return std::nullopt;
    }
    // An open incident without signals of its own (a merge survivor) takes them whenever.
    return OpenIncident{id, incident.last_signal_time.value_or(absl::InfiniteFuture())};
  }
  return std::nullopt;
}

// Per incident: how many signals the batch adds and the range of their observation times.
struct Counts {
  int64_t n = 0;
  absl::Time first = absl::InfiniteFuture();
  absl::Time last = absl::InfinitePast();
};

}  // namespace

absl::StatusOr<v1::SignalBatchAck> PgSignalStore::Ingest(const RequestScope& scope,
                                                         const v1::SignalBatch& batch) {
  v1::SignalBatchAck ack;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    ack.Clear();
    if (tx.exec_prepared(sql::kClaimSignalBatch, batch.batch_id()).empty()) {
      pqxx::result stored = tx.exec_prepared(sql::kGetSignalBatchAck, batch.batch_id());
      if (stored.empty() || !pg::MessageFromJson(stored[0]["ack"].c_str(), &ack)) {
        return absl::InternalError("stored acknowledgement of a signal batch is unreadable");
      }
      ack.set_replayed(true);
      return absl::OkStatus();
    }
    AIRR_RETURN_IF_ERROR(CheckAiSystems(tx, batch));

    std::set<std::string> fingerprints;
    for (const auto& signal : batch.signals()) {
      fingerprints.insert(signal.fingerprint());
    }
    const std::map<std::string, std::string> groups = LockGroups(tx, fingerprints);
    const std::map<std::string, LockedIncident> locked = LockIncidents(tx, groups);
    std::map<std::string, std::optional<OpenIncident>> current;
    for (const auto& [fp, id] : groups) {
      current[fp] = OpenIncidentOf(id, locked);
    }
    const DedupPlan plan = PlanSignalDedup(batch, current, window_);

    // Open the new incidents.
    std::vector<std::string> opened_ids;
    std::vector<std::string> ids, titles, descriptions, systems, severities, detect_times,
        reporters, fps;
    for (int index : plan.opened) {
      const v1::Signal& s = batch.signals(index);
      opened_ids.push_back(NewRandomUuid());
      ids.push_back(opened_ids.back());
      titles.push_back(s.summary().empty()
                           ? absl::StrCat("Monitor signals, fingerprint ", s.fingerprint())
                           : s.summary());
      descriptions.push_back(absl::StrCat("Opened by a ", v1::SignalKind_Name(s.kind()),
                                          " signal of monitor \"", s.source(), "\" (batch ",
                                          batch.batch_id(), ")."));
      systems.push_back(SystemId(s));
      severities.push_back(pg::EnumParam(s.severity_hint()));
      detect_times.push_back(pg::TimestampText(&s.observe_time()));
      reporters.push_back(s.source());
      fps.push_back(s.fingerprint());
    }
    if (!ids.empty()) {
      tx.exec_prepared0(sql::kInsertSignalIncidents, pg::ToTextArray(ids), pg::ToTextArray(titles),
                        pg::ToTextArray(descriptions), pg::ToTextArray(systems),
                        pg::ToTextArray(severities), pg::ToTextArray(detect_times),
                        pg::ToTextArray(reporters), pg::ToTextArray(fps), scope.actor);
    }
    auto target_id = [&](const SignalTarget& t) {
      return t.opened >= 0 ? opened_ids[t.opened] : t.existing_id;
    };

    // Point the groups at their incidents where that changed.
    std::vector<std::string> moved_fps, moved_ids;
    for (const auto& [fp, target] : plan.group_targets) {
      const std::string id = target_id(target);
      if (groups.at(fp) != id) {
        moved_fps.push_back(fp);
        moved_ids.push_back(id);
      }
    }
    if (!moved_fps.empty()) {
      tx.exec_prepared0(sql::kUpdateSignalGroups, pg::ToTextArray(moved_fps),
                        pg::ToTextArray(moved_ids));
    }

    // Store the signals, numbered per incident after the ones it has.
    std::map<std::string, Counts> counts;
    std::vector<std::string> incident_col, seq_col, source_col, system_col, kind_col, fp_col,
        severity_col, attributes_col, time_col, summary_col;
    for (int i = 0; i < batch.signals_size(); ++i) {
      const v1::Signal& s = batch.signals(i);
      const std::string id = target_id(plan.targets[i]);
      Counts& c = counts[id];
      auto it = locked.find(id);
      const int64_t base = it == locked.end() ? 0 : it->second.signal_count;
      ++c.n;
      c.first = std::min(c.first, api::TimeFromTimestamp(s.observe_time()));
      c.last = std::max(c.last, api::TimeFromTimestamp(s.observe_time()));
      incident_col.push_back(id);
      seq_col.push_back(absl::StrCat(base + c.n));
      source_col.push_back(s.source());
      system_col.push_back(SystemId(s));
      kind_col.push_back(pg::EnumParam(s.kind()));
      fp_col.push_back(s.fingerprint());
      severity_col.push_back(pg::EnumParam(s.severity_hint()));
      attributes_col.push_back(pg::LabelsToJson(s.attributes()));
      time_col.push_back(pg::TimestampText(&s.observe_time()));
      summary_col.push_back(s.summary());
    }
    tx.exec_prepared0(
        sql::kInsertSignals, batch.batch_id(), pg::ToTextArray(incident_col),
        pg::ToTextArray(seq_col), pg::ToTextArray(source_col), pg::ToTextArray(system_col),
        pg::ToTextArray(kind_col), pg::ToTextArray(fp_col), pg::ToTextArray(severity_col),
        pg::ToTextArray(attributes_col), pg::ToTextArray(time_col), pg::ToTextArray(summary_col));
    std::vector<std::string> count_ids, count_ns, firsts, lasts;
    for (const auto& [id, c] : counts) {
      count_ids.push_back(id);
      count_ns.push_back(absl::StrCat(c.n));
      firsts.push_back(pg::TimeText(c.first));
      lasts.push_back(pg::TimeText(c.last));
    }
    tx.exec_prepared0(sql::kCountIncidentSignals, pg::ToTextArray(count_ids),
                      pg::ToTextArray(count_ns), pg::ToTextArray(firsts), pg::ToTextArray(lasts));

    // Acknowledge, audit once for the batch, and announce every incident touched.
    ack.set_batch_id(batch.batch_id());
    ack.set_accepted(batch.signals_size());
    const std::set<std::string> opened_set(opened_ids.begin(), opened_ids.end());
    for (const auto& id : opened_ids) {
      ack.add_created_incidents(api::FormatResourceName(kIncidentCollection, id));
    }
    for (const auto& id : count_ids) {
      if (opened_set.count(id) == 0) {
        ack.add_updated_incidents(api::FormatResourceName(kIncidentCollection, id));
      }
    }
    const std::string ack_json = pg::MessageToJson(ack);
    pg::Mutation m = pg::MutationFor(scope, absl::StrCat("signalBatches/", batch.batch_id()), "");
    m.after_json = ack_json;
    pg::RecordMutation(tx, m);
    std::vector<pg::OutboxEvent> events;
    for (const auto& row : tx.exec_prepared(sql::kGetIncidentsByIds, pg::ToTextArray(count_ids))) {
      int64_t version = 0;
      const v1::Incident incident = IncidentFromRow(row, &version);
      const bool opened = opened_set.count(row["id"].c_str()) > 0;
      events.push_back({opened ? "incident.created" : "incident.signals_attached", incident.name(),
                        pg::MessageToJson(incident)});
    }
    pg::AppendEvents(tx, events);
    tx.exec_prepared0(sql::kSetSignalBatchAck, batch.batch_id(), ack_json);
    return absl::OkStatus();
  }));
  return ack;
}

absl::StatusOr<SignalPage> PgSignalStore::List(const RequestScope& scope,
                                               const std::string& incident_id, int64_t after,
                                               int page_size) {
  SignalPage page;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    if (tx.exec_prepared(sql::kIncidentExists, incident_id).empty()) {
      return ResourceNotFound("Incident", api::FormatResourceName(kIncidentCollection, incident_id),
                              "airr.incident.v1.Incident");
    }
    pqxx::result rows = tx.exec_prepared(sql::kListSignals, incident_id, after, page_size + 1);
    const size_t keep = std::min<size_t>(rows.size(), static_cast<size_t>(page_size));
    for (size_t i = 0; i < keep; ++i) {
      const pqxx::row& row = rows[i];
      v1::StoredSignal& stored = page.signals.emplace_back();
      stored.set_name(absl::StrCat(api::FormatResourceName(kIncidentCollection, incident_id),
                                   "/signals/", row["seq"].as<int64_t>()));
      stored.set_batch_id(row["batch_id"].c_str());
      *stored.mutable_receive_time() = pg::TimestampFromMicros(row["receive_time_us"]);
      v1::Signal* s = stored.mutable_signal();
      s->set_source(row["source"].c_str());
      s->set_ai_system(api::FormatResourceName(kAiSystemCollection, row["ai_system_id"].c_str()));
      s->set_kind(pg::EnumColumn<v1::SignalKind>(row["kind"]));
      s->set_fingerprint(row["fingerprint"].c_str());
      s->set_severity_hint(pg::EnumColumn<v1::Severity>(row["severity_hint"]));
      pg::LabelsFromJson(row["attributes"], s->mutable_attributes());
      *s->mutable_observe_time() = pg::TimestampFromMicros(row["observe_time_us"]);
      s->set_summary(row["summary"].c_str());
    }
    if (rows.size() > keep && keep > 0) {
      page.next_after = rows[keep - 1]["seq"].as<int64_t>();
    }
    return absl::OkStatus();
  }));
  return page;
}

}  // namespace airr::incident
