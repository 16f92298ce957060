// Resource names from what users type: an id alone ("support-bot") or the full resource name
// ("aiSystems/support-bot"). The CLI only adds the collection; the server judges the rest.
#pragma once

#include <string>

namespace airr::cli {

// The resource name for a user's NAME argument: "x" becomes "aiSystems/x"; anything with a '/'
// is passed on as it is, for the server to judge.
std::string SystemName(const std::string& arg);

// The same for incidents: "x" becomes "incidents/x".
std::string IncidentName(const std::string& arg);

// The same for playbooks: "x" becomes "playbooks/x".
std::string PlaybookName(const std::string& arg);

// The name of a run, `playbooks/{playbook}/runs/{run}`, from what the user typed: the full name,
// "p/runs/r" or "p/r" (the playbook and the run's id). Anything else is passed on as it is.
std::string RunName(const std::string& arg);

// The playbook of a run's name: "playbooks/p" of "playbooks/p/runs/r"; a name without "/runs/" is
// returned as it is.
std::string PlaybookOfRun(const std::string& run);

// The last segment of a resource name: "incidents/x" gives "x"; a name without '/' is returned as
// it is.
std::string ResourceId(const std::string& name);

}  // namespace airr::cli
