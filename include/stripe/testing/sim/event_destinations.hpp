#pragma once
// Event destinations (/v2/core/event_destinations): create (a webhook endpoint with its URL, or
// an Amazon EventBridge source), retrieve, update, delete, list, enable, disable and ping. While
// enabled, a destination receives the events its enabled_events name (destination_routing.hpp);
// a ping goes to it alone. Its webhook URL and signing secret are shown only when included, as
// in the API.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "stripe/testing/param_schema.hpp"
#include "stripe/testing/sim/events.hpp"
#include "stripe/testing/sim/http.hpp"
#include "stripe/testing/sim/v2_paging.hpp"
#include "stripe/v2/core/event_destination_params.hpp"
#include "stripe/version.hpp"

namespace stripe::testing::sim {

inline json render_destination(const EventDestination& d, const std::set<std::string>& include) {
  json j = {{"id", d.id}, {"object", "v2.core.event_destination"}, {"created", rfc3339(d.created)},
            {"updated", rfc3339(d.updated)}, {"description", d.description}, {"enabled_events", d.enabled_events},
            {"event_payload", d.event_payload}, {"events_from", d.events_from}, {"livemode", false},
            {"metadata", d.metadata}, {"name", d.name}, {"status", d.enabled ? "enabled" : "disabled"},
            {"type", d.type}};
  if (!d.snapshot_api_version.empty()) j["snapshot_api_version"] = d.snapshot_api_version;
  if (!d.enabled) j["status_details"] = {{"disabled", {{"reason", "user"}}}};
  if (d.type == "webhook_endpoint")
    j["webhook_endpoint"] = {
        {"signing_secret", include.count("webhook_endpoint.signing_secret") ? json(d.signing_secret) : json(nullptr)},
        {"url", include.count("webhook_endpoint.url") ? json(d.url) : json(nullptr)}};
  if (d.type == "amazon_eventbridge") j["amazon_eventbridge"] = d.amazon_eventbridge;
  return j;
}

inline std::vector<std::string> string_list(const json& list) {
  std::vector<std::string> out;
  if (list.is_array())
    for (const auto& item : list)
      if (item.is_string()) out.push_back(item.get<std::string>());
  return out;
}

inline void merge_v2_metadata(json& metadata, const json& p) {
  if (!p.contains("metadata") || !p["metadata"].is_object()) return;
  for (auto it = p["metadata"].begin(); it != p["metadata"].end(); ++it) {
    if (it.value().is_string()) metadata[it.key()] = it.value();
    else metadata.erase(it.key());
  }
}

// An answer when `url` cannot receive webhooks (an http:// URL is fine: test mode allows it).
inline std::optional<http::Response> check_webhook_url(State& s, const std::string& url) {
  if (url.empty())
    return refuse(s, 400, "Missing required param: webhook_endpoint.url.", "webhook_endpoint.url", "parameter_missing");
  if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0)
    return refuse(s, 400, "webhook_endpoint.url must be an http or https URL.", "webhook_endpoint.url", "url_invalid");
  return std::nullopt;
}

inline http::Response create_destination(State& s, json& p) {
  if (auto problem = check_params<v2::core::EventDestinationCreateParams>(p, false)) return bad(s, *problem);
  for (const char* required : {"name", "type", "event_payload", "enabled_events"})
    if (!p.contains(required) || p[required].is_null())
      return refuse(s, 400, std::string("Missing required param: ") + required + ".", required, "parameter_missing");
  EventDestination d;
  d.type = param(p, "type");
  d.event_payload = param(p, "event_payload");
  d.enabled_events = string_list(p["enabled_events"]);
  if (d.enabled_events.empty())
    return refuse(s, 400, "enabled_events must name at least one event type.", "enabled_events", "parameter_missing");
  if (d.event_payload == "thin" && p.contains("snapshot_api_version"))
    return refuse(s, 400, "snapshot_api_version is only for snapshot destinations.", "snapshot_api_version");
  if (d.type == "webhook_endpoint") {
    d.url = param(p.value("webhook_endpoint", json::object()), "url");
    if (auto refused = check_webhook_url(s, d.url)) return *refused;
  } else if (d.type == "amazon_eventbridge") {
    const json aws = p.value("amazon_eventbridge", json::object());
    for (const char* required : {"aws_account_id", "aws_region"})
      if (param(aws, required).empty())
        return refuse(s, 400, std::string("Missing required param: amazon_eventbridge.") + required + ".",
                      std::string("amazon_eventbridge.") + required, "parameter_missing");
  } else {
    return refuse(s, 400, "The simulator delivers to webhook_endpoint and amazon_eventbridge destinations only.", "type");
  }
  d.id = s.next_id("ed_");
  d.signing_secret = s.next_id("whsec_");
  d.name = param(p, "name");
  d.description = param(p, "description");
  d.events_from = string_list(p.value("events_from", json()));
  merge_v2_metadata(d.metadata, p);
  d.created = d.updated = s.clock;
  if (d.type == "amazon_eventbridge") {
    const json aws = p["amazon_eventbridge"];
    d.amazon_eventbridge = {{"aws_account_id", param(aws, "aws_account_id")},
                            {"aws_event_source_arn", "arn:aws:events:" + param(aws, "aws_region") +
                                                         "::event-source/aws.partner/stripe.com/" + d.id},
                            {"aws_event_source_status", "pending"}};
  }
  if (d.event_payload == "snapshot") {
    d.snapshot_api_version = param(p, "snapshot_api_version", stripe::pinned_api_version);
    listen(s);  // v1 events are rendered from now on: a snapshot destination receives them
  }
  const std::string id = d.id;
  s.v2core.destinations.emplace(id, std::move(d));
  s.v2core.destination_order.push_back(id);
  ++s.commits;
  return reply(s, 200, render_destination(s.v2core.destinations.at(id), includes(p)));
}

inline http::Response update_destination(State& s, EventDestination& d, json& p) {
  if (auto problem = check_params<v2::core::EventDestinationUpdateParams>(p, false)) return bad(s, *problem);
  if (p.contains("webhook_endpoint")) {
    if (d.type != "webhook_endpoint")
      return refuse(s, 400, "webhook_endpoint is only for webhook_endpoint destinations.", "webhook_endpoint");
    const std::string url = param(p["webhook_endpoint"], "url");
    if (auto refused = check_webhook_url(s, url)) return *refused;
    d.url = url;
  }
  if (p.contains("enabled_events")) {
    auto events = string_list(p["enabled_events"]);
    if (events.empty())
      return refuse(s, 400, "enabled_events must name at least one event type.", "enabled_events", "parameter_missing");
    d.enabled_events = std::move(events);
  }
  if (p.contains("name")) d.name = param(p, "name", d.name);
  if (p.contains("description")) d.description = param(p, "description");
  merge_v2_metadata(d.metadata, p);
  d.updated = s.clock;
  ++s.commits;
  return reply(s, 200, render_destination(d, includes(p)));
}

inline http::Response list_destinations(State& s, json& p) {
  V2Page page;
  if (auto refused = take_v2_page_token(s, p, page)) return *refused;
  if (auto problem = check_params<v2::core::EventDestinationListParams>(p, true)) return bad(s, *problem);
  read_v2_limit(p, page);
  const auto& order = s.v2core.destination_order;
  json data = json::array();
  for (std::size_t i = page.offset; i < order.size() && i < page.offset + page.limit; ++i)
    data.push_back(render_destination(s.v2core.destinations.at(order[order.size() - 1 - i]), includes(p)));
  return reply(s, 200, v2_page_body("/v2/core/event_destinations", page, order.size(), std::move(data)));
}

inline http::Response delete_destination(State& s, std::string id) {  // a copy: the destination goes
  s.v2core.destinations.erase(id);
  auto& order = s.v2core.destination_order;
  order.erase(std::remove(order.begin(), order.end(), id), order.end());
  ++s.commits;
  return reply(s, 200, {{"id", id}, {"object", "v2.core.event_destination"}});
}

inline http::Response set_destination_enabled(State& s, EventDestination& d, json& p, bool enabled) {
  if (auto problem = check_params<v2::core::EventDestinationEnableParams>(p, false)) return bad(s, *problem);
  d.enabled = enabled;
  d.updated = s.clock;
  ++s.commits;
  return reply(s, 200, render_destination(d, {}));
}

// A v2.core.event_destination.ping event, delivered to this destination alone (while enabled);
// the answer is the event.
inline http::Response ping_destination(State& s, const EventDestination& d, json& p) {
  if (auto problem = check_params<v2::core::EventDestinationPingParams>(p, false)) return bad(s, *problem);
  const std::string type = "v2.core.event_destination.ping";
  json related = {{"id", d.id}, {"type", "v2.core.event_destination"}, {"url", "/v2/core/event_destinations/" + d.id}};
  json notification = make_v2_event(s, type, "", related);
  if (d.enabled) deliver_to(s, d, type, notification.dump());
  ++s.commits;
  return reply(s, 200, s.v2_events.at(notification["id"].get<std::string>()));
}

}  // namespace stripe::testing::sim
