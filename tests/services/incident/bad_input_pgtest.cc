// Bad input to every IncidentService RPC through the real server: each case must be answered
// INVALID_ARGUMENT with a BadRequest naming exactly the offending field, must write nothing in
// either tenant involved, and must succeed once the one bad part is made good again (so each case
// fails for the reason it names, not because its target is unusable).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "tests/services/incident/incident_pgtest_util.h"

namespace airr::incident::testing {
namespace {

using ::testing::UnorderedElementsAreArray;

// What the cases work against. Built once per suite as the admin of `tenant`.
struct World {
  IncidentEnv* env = nullptr;
  std::string tenant;
  std::string token;            // admin of `tenant`
  std::string other_tenant;     // owns `foreign_system`
  std::string ai_system;        // an AI system of `tenant`
  std::string foreign_system;   // an AI system only `other_tenant` has
  v1::Incident shared;          // a REPORTED incident with several timeline events
  std::string signal_incident;  // an incident opened by signals, with three signals
  std::string list_token;       // ListIncidents(page_size 1): next_page_token
  std::string timeline_token;   // ListTimelineEvents(shared, page_size 1): next_page_token
  std::string signals_token;    // ListSignals(signal_incident, page_size 1): next_page_token
};
using W = const World&;

// A case's two calls: the bad one, and the same call with the bad part made good.
struct Prepared {
  std::function<absl::Status()> bad;
  std::function<absl::Status()> good;
};
// Creates what the case's calls need (before the snapshot is taken) and returns them.
using Prepare = std::function<absl::StatusOr<Prepared>(World&)>;

struct BadInputCase {
  std::string name;
  Prepare prepare;
  // Exactly these fields must be named (one: the only violation).
  std::vector<std::string> fields;
};

// Names the case in gtest's messages (instead of dumping its bytes).
void PrintTo(const BadInputCase& c, std::ostream* os) { *os << c.name; }

std::string Repeat(const std::string& unit, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += unit;
  }
  return out;
}

google::protobuf::Timestamp Ts(absl::Time t) { return api::TimestampFromTime(t); }
google::protobuf::Timestamp FutureTs() { return Ts(absl::Now() + absl::Hours(1)); }
google::protobuf::Timestamp RawTs(int64_t seconds, int32_t nanos) {
  google::protobuf::Timestamp ts;
  ts.set_seconds(seconds);
  ts.set_nanos(nanos);
  return ts;
}
// One second before 0001-01-01T00:00:00Z and one after 9999-12-31T23:59:59Z.
constexpr int64_t kBeforeYear1 = -62135596801;
constexpr int64_t kAfterYear9999 = 253402300800;

// Flips one character in the middle of a base64url token to another base64url character.
std::string Tampered(std::string token) {
  char& c = token[token.size() / 2];
  c = c == 'A' ? 'B' : 'A';
  return token;
}

// The bad and the good call of unary `method`: `good` as given, the bad one mutated.
template <typename Request, typename Response>
Prepared Pair(World& w,
              grpc::Status (IncidentStub::*method)(grpc::ClientContext*, const Request&, Response*),
              const Request& good, const std::function<void(Request&, W)>& mutate) {
  Request bad = good;
  mutate(bad, w);
  IncidentEnv* env = w.env;
  const std::string token = w.token;
  return {[=] { return env->Call(method, bad, token).status(); },
          [=] { return env->Call(method, good, token).status(); }};
}

// A fresh incident of the world's tenant in `state`.
absl::StatusOr<v1::Incident> Fresh(World& w, v1::State state) {
  auto created = CreateIncident(*w.env, w.token, w.ai_system, "Target of a bad request");
  if (!created.ok()) {
    return created.status();
  }
  return MoveTo(*w.env, w.token, *created, state);
}

Prepare CreateRequest(std::function<void(v1::CreateIncidentRequest&, W)> mutate) {
  return [mutate](World& w) -> absl::StatusOr<Prepared> {
    v1::CreateIncidentRequest good;
    *good.mutable_incident() = IncidentEnv::ValidIncident(w.ai_system, "Good create");
    return Pair(w, &IncidentStub::CreateIncident, good, mutate);
  };
}
Prepare Create(std::function<void(v1::Incident&, W)> mutate) {
  return CreateRequest(
      [mutate](v1::CreateIncidentRequest& r, W w) { mutate(*r.mutable_incident(), w); });
}

Prepare Get(std::string name) {
  return [name](World& w) -> absl::StatusOr<Prepared> {
    v1::GetIncidentRequest good;
    good.set_name(w.shared.name());
    return Pair<v1::GetIncidentRequest, v1::Incident>(
        w, &IncidentStub::GetIncident, good,
        [name](v1::GetIncidentRequest& r, W) { r.set_name(name); });
  };
}

// An update of the shared incident's title; `mutate` breaks it.
Prepare Update(std::function<void(v1::UpdateIncidentRequest&, W)> mutate) {
  return [mutate](World& w) -> absl::StatusOr<Prepared> {
    v1::UpdateIncidentRequest good;
    good.mutable_incident()->set_name(w.shared.name());
    good.mutable_incident()->set_title("Retitled by a good update");
    good.mutable_update_mask()->add_paths("title");
    return Pair(w, &IncidentStub::UpdateIncident, good, mutate);
  };
}
// An update of `paths` whose values `mutate` sets on the patch (the good call sends the
// incident's current values, as read).
Prepare UpdateFields(std::vector<std::string> paths, std::function<void(v1::Incident&, W)> mutate) {
  return [paths, mutate](World& w) -> absl::StatusOr<Prepared> {
    auto current = w.env->Call(
        &IncidentStub::GetIncident,
        [&] {
          v1::GetIncidentRequest r;
          r.set_name(w.shared.name());
          return r;
        }(),
        w.token);
    if (!current.ok()) {
      return current.status();
    }
    v1::UpdateIncidentRequest good;
    *good.mutable_incident() = *current;
    good.mutable_incident()->clear_etag();
    for (const auto& path : paths) {
      good.mutable_update_mask()->add_paths(path);
    }
    return Pair<v1::UpdateIncidentRequest, v1::Incident>(
        w, &IncidentStub::UpdateIncident, good,
        [mutate](v1::UpdateIncidentRequest& r, W world) { mutate(*r.mutable_incident(), world); });
  };
}

Prepare Triage(std::function<void(v1::TriageIncidentRequest&, W)> mutate) {
  return [mutate](World& w) -> absl::StatusOr<Prepared> {
    auto target = Fresh(w, v1::STATE_REPORTED);
    if (!target.ok()) {
      return target.status();
    }
    v1::TriageIncidentRequest good;
    good.set_name(target->name());
    good.set_severity(v1::SEVERITY_SEV2);
    good.set_owner("cs-oncall");
    good.set_kind(v1::KIND_INCIDENT);
    good.set_comment("Confirmed by support.");
    return Pair(w, &IncidentStub::TriageIncident, good, mutate);
  };
}

Prepare StartMitigation(std::function<void(v1::StartMitigationRequest&, W)> mutate) {
  return [mutate](World& w) -> absl::StatusOr<Prepared> {
    auto target = Fresh(w, v1::STATE_TRIAGED);
    if (!target.ok()) {
      return target.status();
    }
    v1::StartMitigationRequest good;
    good.set_name(target->name());
    good.set_comment("Rolling back to the previous model.");
    return Pair(w, &IncidentStub::StartMitigation, good, mutate);
  };
}

Prepare Resolve(std::function<void(v1::ResolveIncidentRequest&, W)> mutate) {
  return [mutate](World& w) -> absl::StatusOr<Prepared> {
    auto target = Fresh(w, v1::STATE_TRIAGED);
    if (!target.ok()) {
      return target.status();
    }
    v1::ResolveIncidentRequest good;
    good.set_name(target->name());
    good.set_resolution_summary("Added an output filter for addresses.");
    return Pair(w, &IncidentStub::ResolveIncident, good, mutate);
  };
}

Prepare Close(std::function<void(v1::CloseIncidentRequest&, W)> mutate) {
  return [mutate](World& w) -> absl::StatusOr<Prepared> {
    auto target = Fresh(w, v1::STATE_RESOLVED);
    if (!target.ok()) {
      return target.status();
    }
    v1::CloseIncidentRequest good;
    good.set_name(target->name());
    good.set_post_incident_review("No output filter; added one and a regression test.");
    return Pair(w, &IncidentStub::CloseIncident, good, mutate);
  };
}

Prepare Reopen(std::function<void(v1::ReopenIncidentRequest&, W)> mutate) {
  return [mutate](World& w) -> absl::StatusOr<Prepared> {
    auto target = Fresh(w, v1::STATE_RESOLVED);
    if (!target.ok()) {
      return target.status();
    }
    v1::ReopenIncidentRequest good;
    good.set_name(target->name());
    good.set_reason("The leak happened again.");
    return Pair(w, &IncidentStub::ReopenIncident, good, mutate);
  };
}

Prepare Reject(std::function<void(v1::RejectIncidentRequest&, W)> mutate) {
  return [mutate](World& w) -> absl::StatusOr<Prepared> {
    auto target = Fresh(w, v1::STATE_REPORTED);
    if (!target.ok()) {
      return target.status();
    }
    v1::RejectIncidentRequest good;
    good.set_name(target->name());
    good.set_reason(v1::REJECT_REASON_DUPLICATE);
    good.set_comment("Same as the ticket from yesterday.");
    return Pair(w, &IncidentStub::RejectIncident, good, mutate);
  };
}

Prepare Merge(std::function<void(v1::MergeIncidentRequest&, W)> mutate) {
  return [mutate](World& w) -> absl::StatusOr<Prepared> {
    auto merged = Fresh(w, v1::STATE_REPORTED);
    if (!merged.ok()) {
      return merged.status();
    }
    auto survivor = Fresh(w, v1::STATE_REPORTED);
    if (!survivor.ok()) {
      return survivor.status();
    }
    v1::MergeIncidentRequest good;
    good.set_name(merged->name());
    good.set_into(survivor->name());
    good.set_comment("Same leak.");
    return Pair(w, &IncidentStub::MergeIncident, good, mutate);
  };
}

Prepare AddEvent(std::function<void(v1::AddTimelineEventRequest&, W)> mutate) {
  return [mutate](World& w) -> absl::StatusOr<Prepared> {
    v1::AddTimelineEventRequest good;
    good.set_parent(w.shared.name());
    v1::TimelineEvent& event = *good.mutable_timeline_event();
    event.set_type(v1::TIMELINE_EVENT_TYPE_NOTE);
    event.set_text("Called the affected customer.");
    *event.mutable_occur_time() = Ts(absl::Now() - absl::Minutes(5));
    (*event.mutable_attributes())["channel"] = "phone";
    return Pair(w, &IncidentStub::AddTimelineEvent, good, mutate);
  };
}

// The second page of the default listing; `mutate` breaks the request.
Prepare List(std::function<void(v1::ListIncidentsRequest&, W)> mutate) {
  return [mutate](World& w) -> absl::StatusOr<Prepared> {
    v1::ListIncidentsRequest good;
    good.set_page_size(1);
    good.set_page_token(w.list_token);
    return Pair(w, &IncidentStub::ListIncidents, good, mutate);
  };
}

// The second page of the shared incident's timeline.
Prepare ListEvents(std::function<void(v1::ListTimelineEventsRequest&, W)> mutate) {
  return [mutate](World& w) -> absl::StatusOr<Prepared> {
    v1::ListTimelineEventsRequest good;
    good.set_parent(w.shared.name());
    good.set_page_size(1);
    good.set_page_token(w.timeline_token);
    return Pair(w, &IncidentStub::ListTimelineEvents, good, mutate);
  };
}

// The second page of the signal incident's signals.
Prepare ListSignals(std::function<void(v1::ListSignalsRequest&, W)> mutate) {
  return [mutate](World& w) -> absl::StatusOr<Prepared> {
    v1::ListSignalsRequest good;
    good.set_parent(w.signal_incident);
    good.set_page_size(1);
    good.set_page_token(w.signals_token);
    return Pair(w, &IncidentStub::ListSignals, good, mutate);
  };
}

// A batch of two valid signals with new fingerprints; `mutate` breaks it.
v1::SignalBatch GoodBatch(W w) {
  return Batch({ValidSignal(w.ai_system, UniqueFingerprint("bad-input")),
                ValidSignal(w.ai_system, UniqueFingerprint("bad-input"))});
}
Prepare IngestUnary(std::function<void(v1::SignalBatch&, W)> mutate) {
  return [mutate](World& w) -> absl::StatusOr<Prepared> {
    v1::IngestSignalBatchRequest good;
    *good.mutable_batch() = GoodBatch(w);
    return Pair<v1::IngestSignalBatchRequest, v1::IngestSignalsResponse>(
        w, &IncidentStub::IngestSignalBatch, good,
        [mutate](v1::IngestSignalBatchRequest& r, W world) { mutate(*r.mutable_batch(), world); });
  };
}
Prepare IngestStreamed(std::function<void(v1::SignalBatch&, W)> mutate) {
  return [mutate](World& w) -> absl::StatusOr<Prepared> {
    const v1::SignalBatch good = GoodBatch(w);
    v1::SignalBatch bad = good;
    mutate(bad, w);
    IncidentEnv* env = w.env;
    const std::string token = w.token;
    return Prepared{[=] { return IngestStream(*env, token, {bad}).status(); },
                    [=] { return IngestStream(*env, token, {good}).status(); }};
  };
}
// Changes the second signal of the batch.
Prepare Signal1(std::function<void(v1::Signal&, W)> mutate) {
  return IngestUnary([mutate](v1::SignalBatch& b, W w) { mutate(*b.mutable_signals(1), w); });
}

Prepare Watch(std::string cursor) {
  return [cursor](World& w) -> absl::StatusOr<Prepared> {
    IncidentEnv* env = w.env;
    const std::string token = w.token;
    return Prepared{[=] { return WatchFirstMessage(*env, token, cursor); },
                    [=] { return WatchFirstMessage(*env, token, ""); }};
  };
}

std::vector<BadInputCase> Cases() {
  using I = v1::Incident;
  using S = v1::Signal;
  const std::string kTitle = "incident.title";
  const std::string kSignalFp = "batch.signals[1].fingerprint";
  return {
      // CreateIncident: text.
      {"CreateTitleEmpty", Create([](I& i, W) { i.clear_title(); }), {kTitle}},
      {"CreateTitle201", Create([](I& i, W) { i.set_title(std::string(201, 't')); }), {kTitle}},
      {"CreateTitle201Multibyte",
       Create([](I& i, W) { i.set_title(Repeat("災", 201)); }),
       {kTitle}},
      {"CreateTitleInvalidUtf8",
       Create([](I& i, W) { i.set_title("Leak \xff\xfe here"); }),
       {kTitle}},
      {"CreateTitleOverlongUtf8",
       Create([](I& i, W) {
         i.set_title(
             "a\xc0\xaf"
             "b");
       }),
       {kTitle}},
      {"CreateTitleNul", Create([](I& i, W) { i.set_title(std::string("a\0b", 3)); }), {kTitle}},
      {"CreateTitleEscape", Create([](I& i, W) { i.set_title("a\x1b[2Jb"); }), {kTitle}},
      {"CreateTitleNewline", Create([](I& i, W) { i.set_title("two\nlines"); }), {kTitle}},
      {"CreateTitleC1", Create([](I& i, W) { i.set_title("a\xc2\x85z"); }), {kTitle}},
      {"CreateDescription20001",
       Create([](I& i, W) { i.set_description(std::string(20001, 'd')); }),
       {"incident.description"}},
      {"CreateDescriptionNul",
       Create([](I& i, W) { i.set_description(std::string("\0", 1)); }),
       {"incident.description"}},
      {"CreateReporterNewline",
       Create([](I& i, W) { i.set_reporter("alice\nbob"); }),
       {"incident.reporter"}},
      {"CreateTitleAndDescriptionBad",
       Create([](I& i, W) {
         i.clear_title();
         i.set_description(std::string(20001, 'd'));
       }),
       {kTitle, "incident.description"}},

      // CreateIncident: enums.
      {"CreateKind99",
       Create([](I& i, W) { i.set_kind(static_cast<v1::Kind>(99)); }),
       {"incident.kind"}},
      {"CreateKindMissing", Create([](I& i, W) { i.clear_kind(); }), {"incident.kind"}},
      {"CreateSeverity99",
       Create([](I& i, W) { i.set_severity(static_cast<v1::Severity>(99)); }),
       {"incident.severity"}},
      {"CreateHarmType99",
       Create([](I& i, W) {
         i.clear_harm_types();
         i.add_harm_types(static_cast<v1::HarmType>(99));
       }),
       {"incident.harm_types[0]"}},
      {"CreateCauseHint99",
       Create([](I& i, W) { i.add_cause_hints(static_cast<v1::CauseHint>(99)); }),
       {"incident.cause_hints[1]"}},
      {"CreateDetectionSource99",
       Create([](I& i, W) { i.set_detection_source(static_cast<v1::DetectionSource>(99)); }),
       {"incident.detection_source"}},

      // CreateIncident: times in the future, out of order, or not valid Timestamps.
      {"CreateDetectTimeFuture",
       Create([](I& i, W) { *i.mutable_detect_time() = FutureTs(); }),
       {"incident.detect_time"}},
      {"CreateReportTimeFuture",
       Create([](I& i, W) { *i.mutable_report_time() = FutureTs(); }),
       {"incident.report_time"}},
      {"CreateAwareTimeFuture",
       Create([](I& i, W) { *i.mutable_aware_time() = FutureTs(); }),
       {"incident.aware_time"}},
      {"CreateOccurAfterDetect",
       Create([](I& i, W) {
         *i.mutable_occur_time() = Ts(api::TimeFromTimestamp(i.detect_time()) + absl::Minutes(1));
       }),
       {"incident.occur_time"}},
      {"CreateReportBeforeDetect",
       Create([](I& i, W) {
         *i.mutable_report_time() = Ts(api::TimeFromTimestamp(i.detect_time()) - absl::Seconds(1));
       }),
       {"incident.report_time"}},
      {"CreateAwareBeforeDetect",
       Create([](I& i, W) {
         *i.mutable_aware_time() = Ts(api::TimeFromTimestamp(i.detect_time()) - absl::Hours(1));
       }),
       {"incident.aware_time"}},
      {"CreateBreachAwareBeforeDetect",
       Create([](I& i, W) {
         v1::PersonalData& pd = *i.mutable_personal_data();
         pd.set_involved(true);
         pd.set_breached(true);
         pd.add_breach_types(v1::BREACH_TYPE_LEAKED);
         *pd.mutable_breach_aware_time() =
             Ts(api::TimeFromTimestamp(i.detect_time()) - absl::Minutes(10));
       }),
       {"incident.personal_data.breach_aware_time"}},
      {"CreateDetectTimeMissing",
       Create([](I& i, W) { i.clear_detect_time(); }),
       {"incident.detect_time"}},
      {"CreateDetectTimeNanosNegative",
       Create([](I& i, W) { *i.mutable_detect_time() = RawTs(i.detect_time().seconds(), -1); }),
       {"incident.detect_time"}},
      {"CreateDetectTimeNanosTooLarge",
       Create([](I& i, W) {
         *i.mutable_detect_time() = RawTs(i.detect_time().seconds(), 1000000000);
       }),
       {"incident.detect_time"}},
      {"CreateDetectTimeBeforeYear1",
       Create([](I& i, W) { *i.mutable_detect_time() = RawTs(kBeforeYear1, 0); }),
       {"incident.detect_time"}},
      {"CreateReportTimeAfterYear9999",
       Create([](I& i, W) { *i.mutable_report_time() = RawTs(kAfterYear9999, 0); }),
       {"incident.report_time"}},
      {"CreateOccurTimeNanosTooLarge",
       Create(
           [](I& i, W) { *i.mutable_occur_time() = RawTs(i.occur_time().seconds(), 1000000000); }),
       {"incident.occur_time"}},

      // CreateIncident: the AI system.
      {"CreateAiSystemEmpty", Create([](I& i, W) { i.clear_ai_system(); }), {"incident.ai_system"}},
      {"CreateAiSystemMalformed",
       Create([](I& i, W) { i.set_ai_system("ai-systems/chatbot"); }),
       {"incident.ai_system"}},
      {"CreateAiSystemNonexistent",
       Create([](I& i, W) { i.set_ai_system("aiSystems/no-such-system"); }),
       {"incident.ai_system"}},
      {"CreateAiSystemOfAnotherTenant",
       Create([](I& i, W w) { i.set_ai_system(w.foreign_system); }),
       {"incident.ai_system"}},

      // CreateIncident: personal data, labels, lists.
      {"CreateBreachedWithoutInvolved",
       Create([](I& i, W) {
         v1::PersonalData& pd = *i.mutable_personal_data();
         pd.set_breached(true);
         pd.add_breach_types(v1::BREACH_TYPE_LEAKED);
       }),
       {"incident.personal_data.breached"}},
      {"CreateBreachTypesWithoutBreached",
       Create([](I& i, W) {
         v1::PersonalData& pd = *i.mutable_personal_data();
         pd.set_involved(true);
         pd.add_breach_types(v1::BREACH_TYPE_LOST);
       }),
       {"incident.personal_data.breach_types"}},
      {"CreateBreachedWithoutTypes",
       Create([](I& i, W) {
         v1::PersonalData& pd = *i.mutable_personal_data();
         pd.set_involved(true);
         pd.set_breached(true);
       }),
       {"incident.personal_data.breach_types"}},
      {"CreateLabels33",
       Create([](I& i, W) {
         for (int n = 0; n < 32; ++n) {
           (*i.mutable_labels())[absl::StrCat("k", n)] = "v";
         }
       }),
       {"incident.labels"}},
      {"CreateLabelKeyUpperCase",
       Create([](I& i, W) { (*i.mutable_labels())["Team"] = "x"; }),
       {"incident.labels[\"Team\"]"}},
      {"CreateJurisdictionLowerCase",
       Create([](I& i, W) { i.set_jurisdictions(0, "jp"); }),
       {"incident.jurisdictions[0]"}},
      {"CreateDeathsNegative",
       Create([](I& i, W) { i.mutable_affected()->set_deaths(-1); }),
       {"incident.affected.deaths"}},

      // CreateIncidentRequest's own fields.
      {"CreateIncidentIdUpperCase",
       CreateRequest([](v1::CreateIncidentRequest& r, W) { r.set_incident_id("Bad ID"); }),
       {"incident_id"}},
      {"CreateRequestIdNotUuid",
       CreateRequest([](v1::CreateIncidentRequest& r, W) { r.set_request_id("retry-1"); }),
       {"request_id"}},

      // GetIncident.
      {"GetNameUpperCase", Get("incidents/UPPER"), {"name"}},
      {"GetNameOtherCollection", Get("aiSystems/chatbot"), {"name"}},
      {"GetNameEmpty", Get(""), {"name"}},

      // UpdateIncident: the mask may name only updatable fields.
      {"UpdateMaskState",
       Update([](v1::UpdateIncidentRequest& r, W) {
         r.mutable_incident()->set_state(v1::STATE_CLOSED);
         r.mutable_update_mask()->add_paths("state");
       }),
       {"update_mask"}},
      {"UpdateMaskSeverity",
       Update([](v1::UpdateIncidentRequest& r, W) {
         r.mutable_incident()->set_severity(v1::SEVERITY_SEV1);
         r.mutable_update_mask()->add_paths("severity");
       }),
       {"update_mask"}},
      {"UpdateMaskOwner",
       Update([](v1::UpdateIncidentRequest& r, W) {
         r.mutable_incident()->set_owner("mallory");
         r.mutable_update_mask()->add_paths("owner");
       }),
       {"update_mask"}},
      {"UpdateMaskName",
       Update([](v1::UpdateIncidentRequest& r, W) { r.mutable_update_mask()->add_paths("name"); }),
       {"update_mask"}},
      {"UpdateMaskEtag",
       Update([](v1::UpdateIncidentRequest& r, W) { r.mutable_update_mask()->add_paths("etag"); }),
       {"update_mask"}},
      {"UpdateMaskSignalCount",
       Update([](v1::UpdateIncidentRequest& r, W) {
         r.mutable_update_mask()->add_paths("signal_count");
       }),
       {"update_mask"}},
      {"UpdateMaskBogus",
       Update([](v1::UpdateIncidentRequest& r, W) { r.mutable_update_mask()->add_paths("bogus"); }),
       {"update_mask"}},
      {"UpdateMaskDuplicate",
       Update([](v1::UpdateIncidentRequest& r, W) { r.mutable_update_mask()->add_paths("title"); }),
       {"update_mask"}},
      {"UpdateEtagMalformed",
       Update([](v1::UpdateIncidentRequest& r, W) { r.mutable_incident()->set_etag("W/\"zz"); }),
       {"incident.etag"}},
      {"UpdateEtagGarbage",
       Update([](v1::UpdateIncidentRequest& r, W) { r.mutable_incident()->set_etag("latest"); }),
       {"incident.etag"}},
      {"UpdateNameMalformed",
       Update([](v1::UpdateIncidentRequest& r, W) {
         r.mutable_incident()->set_name("incidents/a/b");
       }),
       {"incident.name"}},
      {"UpdateTitle201",
       UpdateFields({"title"}, [](I& i, W) { i.set_title(std::string(201, 'x')); }),
       {kTitle}},
      // The stored report and aware times now precede detection as well: all three are named.
      {"UpdateDetectTimeFuture",
       UpdateFields({"detect_time"}, [](I& i, W) { *i.mutable_detect_time() = FutureTs(); }),
       {"incident.detect_time", "incident.report_time", "incident.aware_time"}},
      {"UpdateReportBeforeDetect",
       UpdateFields({"report_time"},
                    [](I& i, W) {
                      *i.mutable_report_time() =
                          Ts(api::TimeFromTimestamp(i.detect_time()) - absl::Hours(1));
                    }),
       {"incident.report_time"}},
      {"UpdateAiSystemNonexistent",
       UpdateFields({"ai_system"}, [](I& i, W) { i.set_ai_system("aiSystems/no-such-system"); }),
       {"incident.ai_system"}},
      {"UpdateAiSystemOfAnotherTenant",
       UpdateFields({"ai_system"}, [](I& i, W w) { i.set_ai_system(w.foreign_system); }),
       {"incident.ai_system"}},
      {"UpdateBreachedWithoutInvolved",
       UpdateFields({"personal_data"},
                    [](I& i, W) {
                      i.mutable_personal_data()->set_involved(false);
                      i.mutable_personal_data()->set_breached(true);
                      i.mutable_personal_data()->add_breach_types(v1::BREACH_TYPE_LEAKED);
                    }),
       {"incident.personal_data.breached"}},

      // TriageIncident.
      {"TriageWithoutSeverity",
       Triage([](v1::TriageIncidentRequest& r, W) { r.clear_severity(); }),
       {"severity"}},
      {"TriageSeverity99",
       Triage(
           [](v1::TriageIncidentRequest& r, W) { r.set_severity(static_cast<v1::Severity>(99)); }),
       {"severity"}},
      {"TriageWithoutOwner",
       Triage([](v1::TriageIncidentRequest& r, W) { r.clear_owner(); }),
       {"owner"}},
      {"TriageKind99",
       Triage([](v1::TriageIncidentRequest& r, W) { r.set_kind(static_cast<v1::Kind>(99)); }),
       {"kind"}},
      {"TriageComment2001",
       Triage([](v1::TriageIncidentRequest& r, W) { r.set_comment(std::string(2001, 'c')); }),
       {"comment"}},
      {"TriageEtagMalformed",
       Triage([](v1::TriageIncidentRequest& r, W) { r.set_etag("W/\"not base36!\""); }),
       {"etag"}},
      {"TriageNameMalformed",
       Triage([](v1::TriageIncidentRequest& r, W) { r.set_name("incidents/"); }),
       {"name"}},
      {"TriageWithoutSeverityAndOwner",
       Triage([](v1::TriageIncidentRequest& r, W) {
         r.clear_severity();
         r.clear_owner();
       }),
       {"severity", "owner"}},

      // The other lifecycle methods.
      {"StartMitigationComment2001",
       StartMitigation(
           [](v1::StartMitigationRequest& r, W) { r.set_comment(std::string(2001, 'c')); }),
       {"comment"}},
      {"ResolveWithoutSummary",
       Resolve([](v1::ResolveIncidentRequest& r, W) { r.clear_resolution_summary(); }),
       {"resolution_summary"}},
      {"ResolveSummaryInvalidUtf8",
       Resolve([](v1::ResolveIncidentRequest& r, W) {
         r.set_resolution_summary("fixed \xed\xa0\x80");
       }),
       {"resolution_summary"}},
      {"CloseWithoutReview",
       Close([](v1::CloseIncidentRequest& r, W) { r.clear_post_incident_review(); }),
       {"post_incident_review"}},
      {"CloseReview20001",
       Close([](v1::CloseIncidentRequest& r, W) {
         r.set_post_incident_review(std::string(20001, 'r'));
       }),
       {"post_incident_review"}},
      {"ReopenWithoutReason",
       Reopen([](v1::ReopenIncidentRequest& r, W) { r.clear_reason(); }),
       {"reason"}},
      {"ReopenEtagMalformed",
       Reopen([](v1::ReopenIncidentRequest& r, W) { r.set_etag("W/\"-1\""); }),
       {"etag"}},
      {"RejectWithoutReason",
       Reject([](v1::RejectIncidentRequest& r, W) { r.clear_reason(); }),
       {"reason"}},
      {"RejectReason99",
       Reject([](v1::RejectIncidentRequest& r, W) {
         r.set_reason(static_cast<v1::RejectReason>(99));
       }),
       {"reason"}},
      {"MergeIntoItself",
       Merge([](v1::MergeIncidentRequest& r, W) { r.set_into(r.name()); }),
       {"into"}},
      {"MergeIntoMalformed",
       Merge([](v1::MergeIncidentRequest& r, W) { r.set_into("incidents/Not_An_Id"); }),
       {"into"}},
      {"MergeIntoEmpty", Merge([](v1::MergeIncidentRequest& r, W) { r.clear_into(); }), {"into"}},
      {"MergeNameMalformed",
       Merge([](v1::MergeIncidentRequest& r, W) { r.set_name("aiSystems/x"); }),
       {"name"}},

      // AddTimelineEvent.
      {"EventTypeTriaged",
       AddEvent([](v1::AddTimelineEventRequest& r, W) {
         r.mutable_timeline_event()->set_type(v1::TIMELINE_EVENT_TYPE_TRIAGED);
       }),
       {"timeline_event.type"}},
      {"EventTypeMergedFrom",
       AddEvent([](v1::AddTimelineEventRequest& r, W) {
         r.mutable_timeline_event()->set_type(v1::TIMELINE_EVENT_TYPE_MERGED_FROM);
       }),
       {"timeline_event.type"}},
      {"EventTypeMissing",
       AddEvent(
           [](v1::AddTimelineEventRequest& r, W) { r.mutable_timeline_event()->clear_type(); }),
       {"timeline_event.type"}},
      {"EventType99",
       AddEvent([](v1::AddTimelineEventRequest& r, W) {
         r.mutable_timeline_event()->set_type(static_cast<v1::TimelineEventType>(99));
       }),
       {"timeline_event.type"}},
      {"EventTextEmpty",
       AddEvent(
           [](v1::AddTimelineEventRequest& r, W) { r.mutable_timeline_event()->clear_text(); }),
       {"timeline_event.text"}},
      {"EventTextNul",
       AddEvent([](v1::AddTimelineEventRequest& r, W) {
         r.mutable_timeline_event()->set_text(std::string("a\0b", 3));
       }),
       {"timeline_event.text"}},
      {"EventOccurTimeFuture",
       AddEvent([](v1::AddTimelineEventRequest& r, W) {
         *r.mutable_timeline_event()->mutable_occur_time() = FutureTs();
       }),
       {"timeline_event.occur_time"}},
      {"EventAttributeKeyBad",
       AddEvent([](v1::AddTimelineEventRequest& r, W) {
         (*r.mutable_timeline_event()->mutable_attributes())["Bad Key"] = "x";
       }),
       {"timeline_event.attributes[\"Bad Key\"]"}},
      {"EventParentMalformed",
       AddEvent([](v1::AddTimelineEventRequest& r, W) { r.set_parent("incident/x"); }),
       {"parent"}},

      // ListIncidents.
      {"ListFilterSyntax",
       List([](v1::ListIncidentsRequest& r, W) { r.set_filter("((("); }),
       {"filter"}},
      {"ListFilterUnknownField",
       List([](v1::ListIncidentsRequest& r, W) { r.set_filter("title = \"Leak\""); }),
       {"filter"}},
      {"ListFilterBadEnumValue",
       List([](v1::ListIncidentsRequest& r, W) { r.set_filter("state = BOGUS"); }),
       {"filter"}},
      {"ListFilterBadTimestamp",
       List([](v1::ListIncidentsRequest& r, W) { r.set_filter("detect_time >= \"yesterday\""); }),
       {"filter"}},
      {"ListFilterControlCharacter",
       List([](v1::ListIncidentsRequest& r, W) { r.set_filter("owner = \"a\x01\""); }),
       {"filter"}},
      {"ListOrderByUnknown",
       List([](v1::ListIncidentsRequest& r, W) { r.set_order_by("ai_system"); }),
       {"order_by"}},
      {"ListOrderByBadDirection",
       List([](v1::ListIncidentsRequest& r, W) { r.set_order_by("title sideways"); }),
       {"order_by"}},
      {"ListOrderByTwoFields",
       List([](v1::ListIncidentsRequest& r, W) { r.set_order_by("title, severity"); }),
       {"order_by"}},
      {"ListPageSizeNegative",
       List([](v1::ListIncidentsRequest& r, W) { r.set_page_size(-1); }),
       {"page_size"}},
      {"ListPageTokenGarbage",
       List([](v1::ListIncidentsRequest& r, W) { r.set_page_token("not-a-token"); }),
       {"page_token"}},
      {"ListPageTokenTampered",
       List([](v1::ListIncidentsRequest& r, W) { r.set_page_token(Tampered(r.page_token())); }),
       {"page_token"}},
      {"ListPageTokenOfAnotherFilter",
       List([](v1::ListIncidentsRequest& r, W) { r.set_filter("state = REPORTED"); }),
       {"page_token"}},
      {"ListPageTokenOfAnotherOrder",
       List([](v1::ListIncidentsRequest& r, W) { r.set_order_by("title"); }),
       {"page_token"}},
      {"ListPageTokenOfTimeline",
       List([](v1::ListIncidentsRequest& r, W w) { r.set_page_token(w.timeline_token); }),
       {"page_token"}},

      // ListTimelineEvents.
      {"ListEventsParentMalformed",
       ListEvents([](v1::ListTimelineEventsRequest& r, W) { r.set_parent("incidents"); }),
       {"parent"}},
      {"ListEventsPageSizeNegative",
       ListEvents([](v1::ListTimelineEventsRequest& r, W) { r.set_page_size(-5); }),
       {"page_size"}},
      {"ListEventsPageTokenGarbage",
       ListEvents([](v1::ListTimelineEventsRequest& r, W) { r.set_page_token("%%%"); }),
       {"page_token"}},
      {"ListEventsPageTokenOfSignals",
       ListEvents([](v1::ListTimelineEventsRequest& r, W w) { r.set_page_token(w.signals_token); }),
       {"page_token"}},
      {"ListEventsPageTokenOfAnotherIncident",
       ListEvents([](v1::ListTimelineEventsRequest& r, W w) { r.set_parent(w.signal_incident); }),
       {"page_token"}},

      // ListSignals.
      {"ListSignalsParentMalformed",
       ListSignals([](v1::ListSignalsRequest& r, W) { r.set_parent("incidents/x/signals"); }),
       {"parent"}},
      {"ListSignalsPageSizeNegative",
       ListSignals([](v1::ListSignalsRequest& r, W) { r.set_page_size(-1); }),
       {"page_size"}},
      {"ListSignalsPageTokenOfTimeline",
       ListSignals([](v1::ListSignalsRequest& r, W w) { r.set_page_token(w.timeline_token); }),
       {"page_token"}},

      // IngestSignalBatch: the batch.
      {"BatchEmpty",
       IngestUnary([](v1::SignalBatch& b, W) { b.clear_signals(); }),
       {"batch.signals"}},
      {"Batch1001Signals",
       IngestUnary([](v1::SignalBatch& b, W) {
         while (b.signals_size() < 1001) {
           *b.add_signals() = b.signals(0);
         }
       }),
       {"batch.signals"}},
      {"BatchIdMissing",
       IngestUnary([](v1::SignalBatch& b, W) { b.clear_batch_id(); }),
       {"batch.batch_id"}},
      {"BatchIdNotUuid",
       IngestUnary([](v1::SignalBatch& b, W) { b.set_batch_id("batch-1"); }),
       {"batch.batch_id"}},

      // IngestSignalBatch: one bad signal among good ones.
      {"SignalFingerprintEmpty", Signal1([](S& s, W) { s.clear_fingerprint(); }), {kSignalFp}},
      {"SignalFingerprint129",
       Signal1([](S& s, W) { s.set_fingerprint(std::string(129, 'f')); }),
       {kSignalFp}},
      {"SignalFingerprintLeadingDash",
       Signal1([](S& s, W) { s.set_fingerprint("-drift"); }),
       {kSignalFp}},
      {"SignalFingerprintSpace",
       Signal1([](S& s, W) { s.set_fingerprint("pii address"); }),
       {kSignalFp}},
      {"SignalFingerprintNonAscii",
       Signal1([](S& s, W) { s.set_fingerprint("pii-adresse-é"); }),
       {kSignalFp}},
      {"SignalKind99",
       Signal1([](S& s, W) { s.set_kind(static_cast<v1::SignalKind>(99)); }),
       {"batch.signals[1].kind"}},
      {"SignalKindMissing", Signal1([](S& s, W) { s.clear_kind(); }), {"batch.signals[1].kind"}},
      {"SignalSeverityHint99",
       Signal1([](S& s, W) { s.set_severity_hint(static_cast<v1::Severity>(99)); }),
       {"batch.signals[1].severity_hint"}},
      {"SignalObserveTimeFuture",
       Signal1([](S& s, W) { *s.mutable_observe_time() = FutureTs(); }),
       {"batch.signals[1].observe_time"}},
      {"SignalObservedOver30DaysAgo",
       Signal1([](S& s, W) {
         *s.mutable_observe_time() = Ts(absl::Now() - absl::Hours(24 * 30) - absl::Minutes(5));
       }),
       {"batch.signals[1].observe_time"}},
      {"SignalObserveTimeMissing",
       Signal1([](S& s, W) { s.clear_observe_time(); }),
       {"batch.signals[1].observe_time"}},
      {"SignalObserveTimeNanosNegative",
       Signal1([](S& s, W) { *s.mutable_observe_time() = RawTs(s.observe_time().seconds(), -5); }),
       {"batch.signals[1].observe_time"}},
      {"SignalSummaryInvalidUtf8",
       Signal1([](S& s, W) { s.set_summary("leak \xc3"); }),
       {"batch.signals[1].summary"}},
      {"SignalSummaryControl",
       Signal1([](S& s, W) { s.set_summary("bell\x07"); }),
       {"batch.signals[1].summary"}},
      {"SignalSummary201",
       Signal1([](S& s, W) { s.set_summary(std::string(201, 's')); }),
       {"batch.signals[1].summary"}},
      {"SignalSourceEmpty",
       Signal1([](S& s, W) { s.clear_source(); }),
       {"batch.signals[1].source"}},
      {"SignalAttributeKeyBad",
       Signal1([](S& s, W) { (*s.mutable_attributes())["Rule"] = "x"; }),
       {"batch.signals[1].attributes[\"Rule\"]"}},
      {"SignalAiSystemMalformed",
       Signal1([](S& s, W) { s.set_ai_system("chatbot"); }),
       {"batch.signals[1].ai_system"}},
      {"SignalAiSystemNonexistent",
       Signal1([](S& s, W) { s.set_ai_system("aiSystems/no-such-system"); }),
       {"batch.signals[1].ai_system"}},
      {"SignalAiSystemOfAnotherTenant",
       Signal1([](S& s, W w) { s.set_ai_system(w.foreign_system); }),
       {"batch.signals[1].ai_system"}},
      {"SignalsBothBad",
       IngestUnary([](v1::SignalBatch& b, W) {
         b.mutable_signals(0)->set_fingerprint(" lead");
         b.mutable_signals(1)->set_kind(static_cast<v1::SignalKind>(99));
       }),
       {"batch.signals[0].fingerprint", "batch.signals[1].kind"}},

      // IngestSignals (the stream) refuses a bad batch the same way.
      {"StreamFingerprintBad",
       IngestStreamed([](v1::SignalBatch& b, W) { b.mutable_signals(0)->set_fingerprint(""); }),
       {"batch.signals[0].fingerprint"}},
      {"StreamAiSystemOfAnotherTenant",
       IngestStreamed(
           [](v1::SignalBatch& b, W w) { b.mutable_signals(1)->set_ai_system(w.foreign_system); }),
       {"batch.signals[1].ai_system"}},
      {"StreamSummaryInvalidUtf8",
       IngestStreamed([](v1::SignalBatch& b, W) { b.mutable_signals(0)->set_summary("\xfe"); }),
       {"batch.signals[0].summary"}},
      {"StreamBatchEmpty",
       IngestStreamed([](v1::SignalBatch& b, W) { b.clear_signals(); }),
       {"batch.signals"}},
      {"StreamBatchIdNotUuid",
       IngestStreamed([](v1::SignalBatch& b, W) { b.set_batch_id("not a uuid"); }),
       {"batch.batch_id"}},
      {"StreamObservedOver30DaysAgo",
       IngestStreamed([](v1::SignalBatch& b, W) {
         *b.mutable_signals(0)->mutable_observe_time() = Ts(absl::Now() - absl::Hours(24 * 31));
       }),
       {"batch.signals[0].observe_time"}},

      // WatchIncidents.
      {"WatchCursorNotANumber", Watch("abc"), {"cursor"}},
      {"WatchCursorNegative", Watch("-1"), {"cursor"}},
      {"WatchCursorLeadingZero", Watch("007"), {"cursor"}},
      {"WatchCursorTooLarge", Watch("99999999999999999999999"), {"cursor"}},
  };
}

class BadInputTest : public IncidentServerTest, public ::testing::WithParamInterface<BadInputCase> {
 protected:
  static void SetUpTestSuite() {
    IncidentServerTest::SetUpTestSuite();
    world_ = new World();
    BuildWorld(*world_);
  }
  static void TearDownTestSuite() {
    delete world_;
    world_ = nullptr;
    IncidentServerTest::TearDownTestSuite();
  }

  void SetUp() override { ASSERT_TRUE(world_ready_) << "the world of the suite was not built"; }

  static World& world() { return *world_; }

 private:
  // Sets up the tenants, systems, incidents, signals and page tokens the cases refer to. A
  // failure here leaves world_ready_ false, which fails every case.
  static void BuildWorld(World& w) {
    PgTestDatabase& db = PgTestDatabase::Get();
    w.env = &env();
    w.tenant = db.CreateTenant("inc-bad");
    w.token = db.IssueToken(w.tenant, auth::Role::kAdmin);
    w.other_tenant = db.CreateTenant("inc-bad-other");
    const std::string other_token = db.IssueToken(w.other_tenant, auth::Role::kAdmin);
    w.ai_system = env().CreateAiSystem(w.token, "bad-input-chatbot");
    w.foreign_system = env().CreateAiSystem(other_token, "foreign-only");

    auto shared = CreateIncident(env(), w.token, w.ai_system, "Shared target");
    if (!shared.ok()) {
      ADD_FAILURE() << shared.status();
      return;
    }
    w.shared = *shared;
    if (!CreateIncident(env(), w.token, w.ai_system, "Second incident").ok()) {
      return;
    }
    for (const char* text : {"First note", "Second note"}) {
      v1::AddTimelineEventRequest add;
      add.set_parent(w.shared.name());
      add.mutable_timeline_event()->set_type(v1::TIMELINE_EVENT_TYPE_NOTE);
      add.mutable_timeline_event()->set_text(text);
      if (!env().Call(&IncidentStub::AddTimelineEvent, add, w.token).ok()) {
        return;
      }
    }
    const std::string fp = UniqueFingerprint("bad-input-world");
    auto ingested = IngestBatch(env(), w.token,
                                Batch({ValidSignal(w.ai_system, fp), ValidSignal(w.ai_system, fp),
                                       ValidSignal(w.ai_system, fp)}));
    if (!ingested.ok() || ingested->acks_size() != 1 ||
        ingested->acks(0).created_incidents_size() != 1) {
      ADD_FAILURE() << "ingest: " << ingested.status();
      return;
    }
    w.signal_incident = ingested->acks(0).created_incidents(0);

    v1::ListIncidentsRequest list;
    list.set_page_size(1);
    auto listed = env().Call(&IncidentStub::ListIncidents, list, w.token);
    v1::ListTimelineEventsRequest events;
    events.set_parent(w.shared.name());
    events.set_page_size(1);
    auto events_page = env().Call(&IncidentStub::ListTimelineEvents, events, w.token);
    v1::ListSignalsRequest signals;
    signals.set_parent(w.signal_incident);
    signals.set_page_size(1);
    auto signals_page = env().Call(&IncidentStub::ListSignals, signals, w.token);
    if (!listed.ok() || !events_page.ok() || !signals_page.ok()) {
      ADD_FAILURE() << "listing: " << listed.status() << " " << events_page.status() << " "
                    << signals_page.status();
      return;
    }
    w.list_token = listed->next_page_token();
    w.timeline_token = events_page->next_page_token();
    w.signals_token = signals_page->next_page_token();
    world_ready_ = !w.list_token.empty() && !w.timeline_token.empty() && !w.signals_token.empty();
  }

  static inline World* world_ = nullptr;
  static inline bool world_ready_ = false;
};

TEST_P(BadInputTest, IsInvalidArgumentNamingTheFieldAndWritesNothing) {
  const BadInputCase& c = GetParam();
  World& w = world();
  absl::StatusOr<Prepared> calls = c.prepare(w);
  ASSERT_TRUE(calls.ok()) << "preparing the case: " << calls.status();

  TenantRows rows(w.tenant);
  TenantRows other_rows(w.other_tenant);
  const absl::Status status = calls->bad();
  if (c.fields.size() == 1) {
    EXPECT_TRUE(IsInvalidField(status, c.fields[0]));
  } else {
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << status;
    EXPECT_THAT(ViolatedFields(status), UnorderedElementsAreArray(c.fields)) << status;
  }
  EXPECT_TRUE(rows.Unchanged());
  EXPECT_TRUE(other_rows.Unchanged());

  // The same call with the bad part made good goes through.
  const absl::Status good = calls->good();
  EXPECT_TRUE(good.ok()) << "the good twin of the case failed: " << good;
}

INSTANTIATE_TEST_SUITE_P(Cases, BadInputTest, ::testing::ValuesIn(Cases()),
                         [](const auto& test_info) { return test_info.param.name; });

// A stream refuses a bad batch, but the batches it acknowledged before stay committed; the bad
// batch's id stays free, so the monitor can resend it fixed.
class StreamBadBatchTest : public IncidentServerTest {};

TEST_F(StreamBadBatchTest, BatchesBeforeTheBadOneStayCommitted) {
  PgTestDatabase& db = PgTestDatabase::Get();
  const std::string tenant = db.CreateTenant("inc-bad-stream");
  const std::string token = db.IssueToken(tenant, auth::Role::kReporter);
  const std::string admin = db.IssueToken(tenant, auth::Role::kAdmin);
  const std::string system = env().CreateAiSystem(admin, "stream-chatbot");

  const v1::SignalBatch first = Batch({ValidSignal(system, UniqueFingerprint("stream"))});
  v1::SignalBatch second = Batch({ValidSignal(system, UniqueFingerprint("stream")),
                                  ValidSignal(system, UniqueFingerprint("stream"))});
  second.mutable_signals(1)->set_fingerprint("no spaces allowed");
  const v1::SignalBatch third = Batch({ValidSignal(system, UniqueFingerprint("stream"))});

  TenantRows rows(tenant);
  auto refused = IngestStream(env(), token, {first, second, third});
  EXPECT_TRUE(IsInvalidField(refused.status(), "batch.signals[1].fingerprint"));
  EXPECT_EQ(rows.now("signal_batches"), rows.at_snapshot("signal_batches") + 1);
  EXPECT_EQ(rows.now("signals"), rows.at_snapshot("signals") + 1);
  EXPECT_EQ(rows.now("incidents"), rows.at_snapshot("incidents") + 1);

  // The first batch was committed: resending it is a replay; the second was not: fixed, it is
  // written, under the same id.
  second.mutable_signals(1)->set_fingerprint(UniqueFingerprint("stream"));
  rows.Retake();
  auto resent = IngestStream(env(), token, {first, second});
  ASSERT_TRUE(resent.ok()) << resent.status();
  ASSERT_EQ(resent->acks_size(), 2);
  EXPECT_TRUE(resent->acks(0).replayed());
  EXPECT_EQ(resent->acks(0).batch_id(), first.batch_id());
  EXPECT_FALSE(resent->acks(1).replayed());
  EXPECT_EQ(resent->acks(1).batch_id(), second.batch_id());
  EXPECT_EQ(resent->acks(1).accepted(), 2);
  EXPECT_EQ(rows.now("signal_batches"), rows.at_snapshot("signal_batches") + 1);
  EXPECT_EQ(rows.now("signals"), rows.at_snapshot("signals") + 2);
}

}  // namespace
}  // namespace airr::incident::testing
