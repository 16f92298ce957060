#include "tools/airr/signals_command.h"

#include <iostream>
#include <memory>
#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "airr/incident/v1/incident_service.grpc.pb.h"
#include "tools/airr/command_util.h"
#include "tools/airr/errors.h"
#include "tools/airr/output.h"
#include "tools/airr/signal_lines.h"

namespace airr::cli {
namespace {

namespace pb = ::airr::incident::v1;

constexpr int kDefaultBatchSize = 500;
constexpr int kMaxBatchSize = 1000;  // The server's limit per batch.

int RunSend(const ParsedArgs& args, const CommandContext& context) {
  absl::StatusOr<int32_t> batch_size =
      IntFlag(args, "batch-size", kDefaultBatchSize, 1, kMaxBatchSize);
  if (!batch_size.ok()) {
    return UsageError(batch_size.status(), context);
  }
  // Every line is checked before anything is sent, so a bad line leaves nothing half-sent.
  absl::StatusOr<std::vector<pb::Signal>> signals =
      ParseSignalLines(std::cin, args.Get("source").value_or(""), "standard input");
  if (!signals.ok()) {
    return UsageError(signals.status(), context);
  }
  if (signals->empty()) {
    context.err << "airr: no signals on standard input; nothing sent\n";
    return kExitOk;
  }
  const std::vector<pb::SignalBatch> batches = MakeSignalBatches(*std::move(signals), *batch_size);

  // Each batch is one transaction; it gets the time of one call.
  const std::unique_ptr<grpc::ClientContext> call =
      context.client.NewContextFor(static_cast<int>(batches.size()));
  pb::IngestSignalsResponse response;
  const std::unique_ptr<pb::IncidentService::Stub> stub =
      pb::IncidentService::NewStub(context.client.channel());
  const std::unique_ptr<grpc::ClientWriter<pb::IngestSignalsRequest>> writer =
      stub->IngestSignals(call.get(), &response);
  for (const pb::SignalBatch& batch : batches) {
    pb::IngestSignalsRequest request;
    *request.mutable_batch() = batch;
    if (!writer->Write(request)) {
      break;  // The stream is broken; Finish says why.
    }
  }
  writer->WritesDone();
  const grpc::Status status = writer->Finish();
  if (!status.ok()) {
    ReportRpcError(status, context.err);
    context.err << "  batches before the failing one may be committed; sent " << batches.size()
                << " batch(es): " << batches.front().batch_id() << " .. "
                << batches.back().batch_id() << "\n";
    return kExitFailure;
  }
  if (context.output == OutputFormat::kJson) {
    return PrintMessage(response, context);
  }
  context.out << FormatAcks(response);
  return kExitOk;
}

Command SendCommand() {
  Command command = NewCommand("signals", "send");
  command.summary = "Sends monitor signals (JSON Lines on standard input) for deduplication.";
  command.description =
      "Reads signals from standard input, one JSON Signal per line (blank lines are skipped),\n"
      "checks them all, then streams them in batches over IngestSignals. Each batch is committed\n"
      "in one transaction: a signal opens an incident (a hazard, REPORTED) or attaches to the\n"
      "open incident of its fingerprint. Prints per batch the signals accepted and the incidents\n"
      "created and updated, then a total. A bad line is reported with its number and nothing is\n"
      "sent (exit 2). \"kind\" and \"severityHint\" take short names too (abuse, sev2), and\n"
      "\"aiSystem\" an id.\n"
      "\n"
      "Example:\n"
      "  airr signals send --source guardrail/chat <<'EOF'\n"
      "  {\"aiSystem\":\"support-bot\",\"kind\":\"abuse\",\"fingerprint\":\"pi-001\","
      "\"observeTime\":\"2026-11-23T10:00:00Z\"}\n"
      "  EOF";
  command.flags = {
      ValueFlag("batch-size", "N",
                absl::StrCat("Signals per batch, 1 to ", kMaxBatchSize, " (default ",
                             kDefaultBatchSize, ").")),
      ValueFlag("source", "SOURCE",
                "The monitor, for the lines without a \"source\", e.g. guardrail/chat-prod."),
  };
  command.run = RunSend;
  return command;
}

}  // namespace

std::string FormatAcks(const pb::IngestSignalsResponse& response) {
  std::vector<std::vector<std::string>> rows;
  int64_t accepted = 0;
  std::set<std::string> created;
  std::set<std::string> updated;
  for (const pb::SignalBatchAck& ack : response.acks()) {
    rows.push_back({absl::StrCat(ack.batch_id(), ack.replayed() ? " (replayed)" : ""),
                    absl::StrCat(ack.accepted()), absl::StrJoin(ack.created_incidents(), ","),
                    absl::StrJoin(ack.updated_incidents(), ",")});
    accepted += ack.accepted();
    created.insert(ack.created_incidents().begin(), ack.created_incidents().end());
    updated.insert(ack.updated_incidents().begin(), ack.updated_incidents().end());
  }
  return absl::StrCat(FormatTable({"BATCH", "ACCEPTED", "CREATED", "UPDATED"}, rows),
                      "Total: ", accepted, " signal(s) accepted in ", response.acks_size(),
                      " batch(es); ", created.size(), " incident(s) created, ", updated.size(),
                      " updated.\n");
}

std::vector<Command> SignalsCommands() { return {SendCommand()}; }

}  // namespace airr::cli
