#include "libs/pg/outbox_listener.h"

#include <functional>
#include <pqxx/pqxx>

namespace airr::pg {
namespace {

constexpr char kChannel[] = "airr_outbox";
constexpr absl::Duration kReconnectDelay = absl::Seconds(1);
constexpr long kPollMicros = 500000;  // how often the loop looks at the stop flag

class Receiver final : public pqxx::notification_receiver {
 public:
  Receiver(pqxx::connection_base& conn, std::function<void()> on_notify)
      : pqxx::notification_receiver(conn, kChannel), on_notify_(std::move(on_notify)) {}
  void operator()(const std::string&, int) override { on_notify_(); }

 private:
  std::function<void()> on_notify_;
};

}  // namespace

OutboxListener::~OutboxListener() {
  Stop();
  if (thread_.joinable()) {
    thread_.join();
  }
}

void OutboxListener::StartOnce() {
  std::call_once(started_, [this] { thread_ = std::thread([this] { Run(); }); });
}

uint64_t OutboxListener::generation() {
  StartOnce();
  absl::MutexLock lock(&mu_);
  return generation_;
}

uint64_t OutboxListener::WaitForChange(uint64_t seen, absl::Time deadline) {
  absl::MutexLock lock(&mu_);
  auto changed = [&]() ABSL_SHARED_LOCKS_REQUIRED(mu_) { return generation_ != seen || stop_; };
  mu_.AwaitWithDeadline(absl::Condition(&changed), deadline);
  return generation_;
}

void OutboxListener::Stop() {
  absl::MutexLock lock(&mu_);
  stop_ = true;
}

bool OutboxListener::stopped() const {
  absl::MutexLock lock(&mu_);
  return stop_;
}

void OutboxListener::Bump() {
  absl::MutexLock lock(&mu_);
  ++generation_;
}

void OutboxListener::Run() {
  std::unique_ptr<pqxx::connection> conn;
  std::unique_ptr<Receiver> receiver;
  while (!stopped()) {
    try {
      if (conn == nullptr) {
        conn = std::make_unique<pqxx::connection>(dsn_);
        receiver = std::make_unique<Receiver>(*conn, [this] { Bump(); });
        // Events may have committed while nobody listened: let every waiter look.
        Bump();
      }
      conn->await_notification(0, kPollMicros);
    } catch (const std::exception&) {
      // Connection lost or refused: wake the waiters now and every second until it is back.
      receiver.reset();
      conn.reset();
      Bump();
      absl::MutexLock lock(&mu_);
      mu_.AwaitWithTimeout(absl::Condition(&stop_), kReconnectDelay);
    }
  }
}

}  // namespace airr::pg
