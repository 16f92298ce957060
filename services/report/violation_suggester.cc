#include "services/report/violation_suggester.h"

#include <algorithm>
#include <limits>
#include <tuple>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace airr::report {
namespace {

// The values of `have` that are among `wanted`, in the incident's order.
std::vector<std::string> Common(const google::protobuf::RepeatedPtrField<std::string>& have,
                                const google::protobuf::RepeatedPtrField<std::string>& wanted) {
  std::vector<std::string> out;
  for (const std::string& value : have) {
    if (std::find(wanted.begin(), wanted.end(), value) != wanted.end()) {
      out.push_back(value);
    }
  }
  return out;
}

std::optional<std::string> Contains(absl::string_view fact,
                                    const google::protobuf::RepeatedPtrField<std::string>& have,
                                    const google::protobuf::RepeatedPtrField<std::string>& wanted) {
  const std::vector<std::string> common = Common(have, wanted);
  if (common.empty()) {
    return std::nullopt;
  }
  return absl::StrCat(fact, " contains ", absl::StrJoin(common, ", "));
}

std::optional<std::string> IsTrue(absl::string_view fact, bool value) {
  if (!value) {
    return std::nullopt;
  }
  return absl::StrCat(fact, " is true");
}

std::optional<std::string> Keywords(const v1::SuggestionRule& rule,
                                    const v1::IncidentFacts& facts) {
  // AsciiStrToLower leaves bytes >= 0x80 alone, so UTF-8 text keeps its bytes and matches as is.
  const std::string text =
      absl::AsciiStrToLower(absl::StrCat(facts.title(), "\n", facts.description()));
  std::vector<std::string> found;
  for (const std::string& keyword : rule.values()) {
    if (!keyword.empty() && absl::StrContains(text, absl::AsciiStrToLower(keyword))) {
      found.push_back(absl::StrCat("keyword \"", keyword, "\""));
    }
  }
  if (found.empty()) {
    return std::nullopt;
  }
  return absl::StrJoin(found, ", ");
}

}  // namespace

std::optional<std::string> MatchRule(const v1::SuggestionRule& rule,
                                     const v1::IncidentFacts& facts) {
  switch (rule.fact()) {
    case v1::SUGGESTION_FACT_HARM_TYPE:
      return Contains("harm_types", facts.harm_types(), rule.values());
    case v1::SUGGESTION_FACT_CAUSE_HINT:
      return Contains("cause_hints", facts.cause_hints(), rule.values());
    case v1::SUGGESTION_FACT_KIND:
      if (std::find(rule.values().begin(), rule.values().end(), facts.kind()) ==
          rule.values().end()) {
        return std::nullopt;
      }
      return absl::StrCat("kind is ", facts.kind());
    case v1::SUGGESTION_FACT_PERSONAL_DATA_INVOLVED:
      return IsTrue("personal_data_involved", facts.personal_data_involved());
    case v1::SUGGESTION_FACT_PERSONAL_DATA_BREACHED:
      return IsTrue("personal_data_breached", facts.personal_data_breached());
    case v1::SUGGESTION_FACT_BREACH_CATEGORY:
      // Categories describe a breach; without one they say nothing.
      if (!facts.personal_data_breached()) {
        return std::nullopt;
      }
      return Contains("breach_categories", facts.breach_categories(), rule.values());
    case v1::SUGGESTION_FACT_FUNDAMENTAL_RIGHTS_INFRINGED:
      return IsTrue("fundamental_rights_infringed", facts.fundamental_rights_infringed());
    case v1::SUGGESTION_FACT_PHYSICAL_HARM:
      if (facts.deaths() <= 0 && facts.serious_injuries() <= 0) {
        return std::nullopt;
      }
      return absl::StrCat("deaths ", facts.deaths(), ", serious_injuries ",
                          facts.serious_injuries());
    case v1::SUGGESTION_FACT_KEYWORD:
      return Keywords(rule, facts);
    default:
      return std::nullopt;
  }
}

std::vector<v1::ViolationSuggestion> BuildSuggestions(const v1::IncidentFacts& facts,
                                                      const SuggestionInputs& inputs) {
  std::map<std::string, v1::ViolationSuggestion> by_principle;
  for (const v1::SuggestionRule& rule : inputs.rules) {
    std::optional<std::string> matched = MatchRule(rule, facts);
    if (!matched) {
      continue;
    }
    v1::ViolationSuggestion& s = by_principle[rule.principle()];
    if (s.principle().empty()) {
      s.set_principle(rule.principle());
      if (auto it = inputs.catalog.find(rule.principle()); it != inputs.catalog.end()) {
        s.set_principle_title_en(it->second.title_en);
        s.set_principle_title_ja(it->second.title_ja);
      }
      if (auto it = inputs.active_links.find(rule.principle()); it != inputs.active_links.end()) {
        s.set_linked_violation(it->second);
      }
    }
    s.set_confidence(std::max(s.confidence(), rule.confidence()));
    v1::SuggestionMatch* m = s.add_matches();
    m->set_rule(rule.name());
    m->set_description(rule.description());
    m->set_matched(*std::move(matched));
  }
  std::vector<v1::ViolationSuggestion> out;
  out.reserve(by_principle.size());
  for (auto& [name, suggestion] : by_principle) {
    out.push_back(std::move(suggestion));
  }
  auto sort_order = [&](const std::string& name) {
    auto it = inputs.catalog.find(name);
    return it == inputs.catalog.end() ? std::numeric_limits<int>::max() : it->second.sort_order;
  };
  std::stable_sort(out.begin(), out.end(),
                   [&](const v1::ViolationSuggestion& a, const v1::ViolationSuggestion& b) {
                     return std::make_tuple(-static_cast<int>(a.confidence()),
                                            sort_order(a.principle()), a.principle()) <
                            std::make_tuple(-static_cast<int>(b.confidence()),
                                            sort_order(b.principle()), b.principle());
                   });
  return out;
}

}  // namespace airr::report
