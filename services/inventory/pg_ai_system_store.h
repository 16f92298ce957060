// AiSystemStore over PostgreSQL (tables of migration V0003), scoped per tenant by RLS.
#pragma once

#include "libs/pg/pool.h"
#include "services/inventory/ai_system_store.h"

namespace airr::inventory {

// Thread-safe.
class PgAiSystemStore final : public AiSystemStore {
 public:
  explicit PgAiSystemStore(pg::ConnectionPool& pool) : pool_(pool) {}

  absl::StatusOr<v1::AiSystem> Create(const RequestScope& scope, const v1::AiSystem& system,
                                      const std::string& id,
                                      const std::string& request_id) override;
  absl::StatusOr<v1::AiSystem> Get(const RequestScope& scope, const std::string& id) override;
  absl::StatusOr<AiSystemPage> List(const RequestScope& scope,
                                    const AiSystemPageQuery& query) override;
  absl::StatusOr<v1::AiSystem> Update(
      const RequestScope& scope, const std::string& id, std::optional<int64_t> expected_version,
      const std::function<absl::Status(v1::AiSystem&)>& change) override;
  absl::StatusOr<v1::AiSystem> SetDeleted(const RequestScope& scope, const std::string& id,
                                          bool deleted,
                                          std::optional<int64_t> expected_version) override;

 private:
  pg::ConnectionPool& pool_;
};

}  // namespace airr::inventory
