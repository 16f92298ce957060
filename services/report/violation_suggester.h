// Proposes the principles an incident may have violated: runs the suggestion rules over the
// incident's facts, groups the matches by principle and ranks them. A pure function of its inputs
// (the rules and the catalog come from the store), so it is table-tested without a database.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "airr/report/v1/report_service.pb.h"

namespace airr::report {

// What a suggestion shows of a catalog entry.
struct CatalogEntry {
  std::string title_en;
  std::string title_ja;
  int sort_order = 0;
};

// Everything BuildSuggestions needs besides the incident.
struct SuggestionInputs {
  // The rules, `principle` and `name` as resource names.
  std::vector<v1::SuggestionRule> rules;
  // The catalog entries the rules name, by resource name (`principles/C03.1`).
  std::map<std::string, CatalogEntry> catalog;
  // The incident's active (not unlinked) violations: principle name -> violation name.
  std::map<std::string, std::string> active_links;
};

// What `rule` matched in `facts`, e.g. `harm_types contains HARM_TYPE_DISCRIMINATION` or
// `keyword "女性"`; nullopt when it does not match. Enum facts match when the incident's value (or
// one of its values) is among the rule's values. Keywords match as substrings of the title and
// the description, ignoring ASCII case; non-ASCII text (Japanese) matches byte for byte. A rule of
// an unknown fact never matches. Thread-safe.
std::optional<std::string> MatchRule(const v1::SuggestionRule& rule,
                                     const v1::IncidentFacts& facts);

// The suggestions for `facts`: one per principle with at least one matching rule, its confidence
// the strongest of its matches, every match listed (in rule order), and the active violation of
// that principle when there is one. Ordered by confidence (strongest first), then catalog order,
// then name. Thread-safe.
std::vector<v1::ViolationSuggestion> BuildSuggestions(const v1::IncidentFacts& facts,
                                                      const SuggestionInputs& inputs);

}  // namespace airr::report
