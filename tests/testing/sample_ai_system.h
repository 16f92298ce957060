// A valid AI system for tests: satisfies every rule of the validator, uses no EU jurisdiction.
#pragma once

#include <string>

#include "airr/inventory/v1/inventory_service.pb.h"

namespace airr::testing {

// A valid AiSystem with the given display name (a support chatbot in Japan).
inventory::v1::AiSystem SampleAiSystem(const std::string& display_name = "Support chatbot");

}  // namespace airr::testing
