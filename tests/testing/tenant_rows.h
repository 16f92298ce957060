// A snapshot of what one tenant has in a set of tables, to prove that a refused call wrote
// nothing: the row count of each table and the sum of the row versions of the versioned ones
// (an in-place update raises it even when no row is added), read as the superuser in one query.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "tests/testing/db_queries.h"

namespace airr::testing {

class TenantRows {
 public:
  // `tables` each have a tenant_id column; `versioned` (a subset) also a version column.
  TenantRows(const std::string& tenant, std::vector<std::string> tables,
             std::vector<std::string> versioned)
      : tenant_(tenant),
        tenant_id_(TenantId(tenant)),
        tables_(std::move(tables)),
        versioned_(std::move(versioned)) {
    Retake();
  }

  // Takes a new snapshot (after a write the test meant to make).
  void Retake() { counts_ = Take(); }

  // The value of `key` ("<table>" for the row count, "<table>.version_sum") at the last snapshot,
  // and now.
  int64_t at_snapshot(const std::string& key) const { return counts_.at(key); }
  int64_t now(const std::string& key) const { return Take().at(key); }

  // Success when nothing changed since the snapshot; otherwise names each value that changed.
  ::testing::AssertionResult Unchanged() const {
    const std::map<std::string, int64_t> current = Take();
    std::vector<std::string> changed;
    for (const auto& [key, count] : counts_) {
      if (current.at(key) != count) {
        changed.push_back(absl::StrCat(key, " ", count, " -> ", current.at(key)));
      }
    }
    if (changed.empty()) {
      return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure()
           << "tenant " << tenant_ << " changed: " << absl::StrJoin(changed, ", ");
  }

 private:
  std::map<std::string, int64_t> Take() const {
    std::vector<std::string> columns, keys;
    for (const std::string& table : tables_) {
      columns.push_back(
          absl::StrCat("(SELECT count(*) FROM ", table, " WHERE tenant_id = '", tenant_id_, "')"));
      keys.push_back(table);
    }
    for (const std::string& table : versioned_) {
      columns.push_back(absl::StrCat("(SELECT coalesce(sum(version), 0) FROM ", table,
                                     " WHERE tenant_id = '", tenant_id_, "')"));
      keys.push_back(table + ".version_sum");
    }
    const auto rows = QueryRows(absl::StrCat("SELECT ", absl::StrJoin(columns, ", ")));
    std::map<std::string, int64_t> counts;
    for (size_t i = 0; i < keys.size(); ++i) {
      counts[keys[i]] = std::stoll(rows.at(0).at(i));
    }
    return counts;
  }

  std::string tenant_;
  std::string tenant_id_;
  std::vector<std::string> tables_;
  std::vector<std::string> versioned_;
  std::map<std::string, int64_t> counts_;
};

}  // namespace airr::testing
