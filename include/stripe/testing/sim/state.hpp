#pragma once
// The simulator's state: accounts and where each of their requirements stands, links, stored
// idempotent results, the clock and the timers advance_clock visits; and the small helpers
// every part shares (ids, RFC 3339 times, reading a param).
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "stripe/detail/json_text.hpp"
#include "stripe/detail/rfc3339.hpp"
#include "stripe/http/transport.hpp"
#include "stripe/testing/sim/options.hpp"
#include "stripe/testing/sim/v2_objects.hpp"
#include "stripe/testing/sim/surface_state.hpp"
#include "stripe/testing/sim_requirements.hpp"

namespace stripe::testing::sim {

using json = nlohmann::json;

// One requirement of one account and where it stands.
struct Item {
  const RequirementSpec* spec = nullptr;  // in State::requirement_tables: shared, not copied per account
  enum class State { due, pending, verified } state = State::due;
  std::int64_t submitted_at = 0;
  bool escalated = false;    // an eventually_due item Stripe now needs by the deadline
  bool reverifying = false;  // verified before, checked again after a change: enabled stays enabled
  bool matured = false;      // a future requirement whose deadline passed: it is a requirement now
  std::string error_code, error_reason;
};

struct Account {
  std::string id;
  bool v2 = false;
  std::int64_t created = 0;
  std::string country = "US";
  std::string business_type = "individual";
  std::string type;  // v1 type when created with one
  json controller = json::object();
  std::vector<std::string> capabilities;  // requested, in request order
  std::map<std::string, std::int64_t> requested_at;
  std::vector<Item> items;
  bool details_submitted = false;
  bool kyc_locked = false;  // Stripe collects: the platform may not change identity after the first link
  std::optional<std::int64_t> current_deadline;
  std::optional<std::int64_t> future_deadline;  // when future requirements become requirements
  std::optional<std::int64_t> wake_at;          // its entry in State::timers: when it next changes by itself
  bool past_deadline = false;
  std::string rejected;  // disabled_reason when rejected
  bool deleted = false, closed = false;
  std::optional<std::string> email;
  json business_profile, individual, company, metadata = json::object();
  std::optional<std::int64_t> tos_date;
  std::optional<std::string> tos_ip;
  std::string service_agreement = "full";  // immutable, like country
  // v2
  std::string display_name, dashboard = "none", requirements_collector = "stripe";
  std::vector<std::string> configurations;
  json identity, defaults;
  // what was last announced to the receiver, to describe a change
  json last_v1, last_v2_requirements;
  std::map<std::string, std::string> last_caps;
  AccountSurface surface;  // persons and bank accounts (surface_state.hpp)
};

struct Link {
  std::string account, type, fields = "currently_due", future = "omit", refresh_url, return_url;
  std::int64_t created = 0, expires_at = 0;
  bool visited = false, returned = false, v2 = false;
  std::vector<std::string> configurations;
};

struct StoredResponse {
  std::string fingerprint;  // method, path and body: a replay must match them
  http::Response response;
};

struct State {
  explicit State(SimulatorOptions o) : options(std::move(o)), clock(options.start_time) {}

  SimulatorOptions options;
  std::int64_t clock;
  std::uint64_t id_counter = 0, request_counter = 0;
  std::size_t commits = 0;   // mutating requests that changed state
  bool live = false;         // the current request came with a live key
  bool refused = false;      // the current request was refused before its endpoint ran
  bool listening = false;    // a receiver is set: changes are announced
  // Hashed: a lookup costs the same however many accounts a test suite left behind.
  std::unordered_map<std::string, Account> accounts;
  std::vector<std::string> order;  // account ids, oldest first
  std::unordered_map<std::string, Link> links;  // by the token that ends the link URL
  std::vector<std::string> link_urls;
  std::unordered_map<std::string, StoredResponse> idempotency;
  std::deque<Fault> faults;
  std::vector<WebhookDelivery> outbox;  // queued by changes, delivered once the lock is released
  std::unordered_map<std::string, json> v2_events;  // by id, with data: what GET /v2/core/events/{id} answers
  std::map<std::string, std::vector<RequirementSpec>> requirement_tables;  // see requirement_table()
  std::set<std::pair<std::int64_t, std::string>> timers;  // (wake_at, account id): see schedule()
  V2CoreObjects v2core;  // persons, tokens, event destinations, the v2 event log: see v2_objects.hpp
  Surface surface;  // files, file links and tokens (surface_state.hpp)

  Account& account(const std::string& id) {
    auto it = accounts.find(id);
    if (it == accounts.end()) throw std::invalid_argument("no such simulated account");
    return it->second;
  }

  // What SimulatorOptions::id_seed adds to each counter value (nothing for seed 0).
  std::uint64_t seed_mix() const { return options.id_seed * 0xBF58476D1CE4E5B9ull; }

  // Deterministic ids that look like Stripe's: prefix, "1Sim", 12 base-62 characters.
  std::string next_id(const char* prefix) {
    static constexpr char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    std::uint64_t n = (++id_counter ^ seed_mix()) * 0x9E3779B97F4A7C15ull;
    std::string s = prefix;
    s += "1Sim";
    for (int i = 0; i < 12; ++i) {
      s.push_back(alphabet[n % 62]);
      n /= 62;
    }
    return s;
  }
};

// Unix seconds as RFC 3339 UTC with milliseconds, as v2 objects show times: 2026-01-01T00:00:00.000Z.
inline std::string rfc3339(std::int64_t t) { return stripe::detail::rfc3339_utc(t, true); }

// The token that ends a link URL: the key of State::links.
inline std::string token_of(const std::string& url) {
  auto slash = url.rfind('/');
  return slash == std::string::npos ? url : url.substr(slash + 1);
}

// A param's text, or `fallback` when it is absent, empty or not a string.
inline std::string param(const json& j, const char* key, const std::string& fallback = "") {
  std::string value = stripe::detail::json_string(j, key);
  return value.empty() ? fallback : value;
}

// A v1 update's `metadata`: each key set to a non-empty string is set, any other value (`key=`)
// removes the key, keys not named are kept.
inline void merge_v1_metadata(json& metadata, const json& p) {
  if (!p.contains("metadata") || !p["metadata"].is_object()) return;
  for (auto it = p["metadata"].begin(); it != p["metadata"].end(); ++it) {
    if (it.value().is_string() && !it.value().get<std::string>().empty()) metadata[it.key()] = it.value();
    else metadata.erase(it.key());
  }
}

}  // namespace stripe::testing::sim
