// Which AI-system fields users may filter on, sort by and update, and how they map to columns.
// The allow-lists are the only way user text reaches the SQL of the inventory.
#pragma once

#include <string>
#include <vector>

#include "libs/api/filter.h"
#include "libs/api/order_by.h"

namespace airr::inventory {

// Fields of ListAiSystemsRequest.filter.
const std::vector<api::FilterField>& AiSystemFilterFields();

// Fields of ListAiSystemsRequest.order_by; the first is the default. The id breaks ties.
const std::vector<api::SortField>& AiSystemSortFields();

// Top-level AiSystem fields that UpdateAiSystem may change.
const std::vector<std::string>& AiSystemUpdatableFields();

// The column holding the tie-breaking id.
inline constexpr char kAiSystemIdColumn[] = "id";

}  // namespace airr::inventory
