#pragma once
// What the simulator holds for the v2 core surface beyond accounts and links: the people of v2
// accounts, single-use account and person tokens, event destinations, and the log of every v2
// event made (GET /v2/core/events lists it whether or not anything listens).
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

namespace stripe::testing::sim {

// A person of a v2 account, with its fields as the platform sent them (id numbers included:
// they are never rendered back).
struct V2Person {
  std::string id, account;
  std::int64_t created = 0, updated = 0;
  nlohmann::json fields = nlohmann::json::object();
  nlohmann::json metadata = nlohmann::json::object();
};

// A v2 account token (accttok_) or person token (perstok_): details held until one account or
// person create or update uses them.
struct SingleUseToken {
  std::string id;
  std::string account;  // the account a person token belongs to; empty for account tokens
  std::int64_t created = 0, expires_at = 0;
  bool used = false;
  nlohmann::json fields = nlohmann::json::object();
};

// Where v2 notifications (thin) or v1 events (snapshot) are delivered.
struct EventDestination {
  std::string id, name, description, type, event_payload, snapshot_api_version;
  std::string url;             // webhook_endpoint.url
  std::string signing_secret;  // signs its deliveries; shown once, on create with include
  nlohmann::json amazon_eventbridge;  // as rendered: account, source ARN and status
  std::vector<std::string> enabled_events, events_from;
  nlohmann::json metadata = nlohmann::json::object();
  std::int64_t created = 0, updated = 0;
  bool enabled = true;
};

// One v2 event in the order it was made, with what the list filters on.
struct EventRecord {
  std::string id, type, object_id;  // object_id: the related object, else the context
  std::int64_t created = 0;
};

// The request being answered, for the `reason` of the events it causes.
struct CurrentRequest {
  std::string id, idempotency_key;
};

struct V2CoreObjects {
  std::unordered_map<std::string, V2Person> persons;
  std::vector<std::string> person_order;  // person ids, oldest first
  std::unordered_map<std::string, SingleUseToken> tokens;  // accttok_ and perstok_, by id
  std::unordered_map<std::string, EventDestination> destinations;
  std::vector<std::string> destination_order;  // oldest first
  std::vector<EventRecord> event_log;  // oldest first
  std::optional<CurrentRequest> request;  // set while an API request runs
};

}  // namespace stripe::testing::sim
