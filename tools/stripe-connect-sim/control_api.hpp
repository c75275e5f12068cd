#pragma once
// The control endpoints of stripe-connect-sim, under the reserved prefix /_sim/: a test in any
// language plays the user and Stripe through them (submit a link's form, advance the clock, fail
// or finish verifications, pass a deadline, reject, inject a fault, set the webhook endpoint, see
// what an event destination was sent).
// JSON in, JSON out; no sockets here, so the server and the tests share it.
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "stripe/errors.hpp"
#include "stripe/testing/simulator.hpp"

namespace stripe_connect_sim {

using json = nlohmann::json;

inline constexpr const char* control_prefix = "/_sim/";

/// A control endpoint's answer: a status and a JSON body.
struct ControlReply {
  int status = 200;
  json body = json::object();
};

/// A control request the caller got wrong: answered 400 (404 with not_found) with its message.
struct ControlError : std::invalid_argument {
  int status;
  explicit ControlError(const std::string& message, int s = 400) : std::invalid_argument(message), status(s) {}
};

inline json visit_json(const stripe::testing::LinkVisit& v) {
  using Outcome = stripe::testing::LinkVisit::Outcome;
  return {{"outcome", v.outcome == Outcome::form ? "form" : "refresh"},
          {"redirect_url", v.redirect_url},
          {"reason", v.reason},
          {"fields_collected", v.fields_collected}};
}

inline stripe::testing::FaultKind fault_kind(const std::string& name) {
  using K = stripe::testing::FaultKind;
  if (name == "http_500") return K::http_500;
  if (name == "http_409") return K::http_409;
  if (name == "http_429") return K::http_429;
  if (name == "drop_before_commit") return K::drop_before_commit;
  if (name == "drop_after_commit") return K::drop_after_commit;
  throw ControlError("kind must be one of http_500, http_409, http_429, drop_before_commit, drop_after_commit");
}

/// Answers the control endpoints for one Simulator. `set_webhook_url` is how the server learns
/// where to deliver events (the simulator only starts announcing changes once one is set).
class ControlApi {
 public:
  ControlApi(stripe::testing::Simulator& sim, std::function<void(const std::string&)> set_webhook_url)
      : sim_(sim), set_webhook_url_(std::move(set_webhook_url)) {}

  /// `path` starts with control_prefix, still percent-encoded; `body` is JSON or empty.
  ControlReply handle(const std::string& method, const std::string& path, const std::string& body) {
    try {
      // "/_sim/accounts/acct_1/reject" -> {"accounts", "acct_1", "reject"}, each segment decoded
      // as the API's own paths are.
      auto seg = stripe::testing::sim::split_path(path.substr(std::string(control_prefix).size() - 1));
      return route(method, path, seg, parse(body));
    } catch (const ControlError& e) {
      return {e.status, {{"error", {{"message", e.what()}}}}};
    } catch (const stripe::InvalidParamsError& e) {  // a malformed percent escape in the path
      return {400, {{"error", {{"message", e.what()}}}}};
    } catch (const std::invalid_argument& e) {  // the simulator's: no such account or requirement, bad text
      const std::string message = e.what();
      const bool unknown = message.rfind("no such", 0) == 0 || message.rfind("no requirement", 0) == 0;
      return {unknown ? 404 : 400, {{"error", {{"message", message}}}}};
    }
  }

 private:
  static json parse(const std::string& body) {
    if (body.empty()) return json::object();
    json j = json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object()) throw ControlError("the body must be a JSON object");
    return j;
  }

  static std::string text(const json& params, const char* key, const char* fallback = nullptr) {
    auto it = params.find(key);
    if (it == params.end() || it->is_null()) {
      if (fallback) return fallback;
      throw ControlError(std::string("missing ") + key);
    }
    if (!it->is_string()) throw ControlError(std::string(key) + " must be a string");
    return it->get<std::string>();
  }

  static std::int64_t integer(const json& params, const char* key, std::int64_t fallback) {
    auto it = params.find(key);
    if (it == params.end()) return fallback;
    if (!it->is_number_integer()) throw ControlError(std::string(key) + " must be an integer");
    return it->get<std::int64_t>();
  }

  ControlReply route(const std::string& method, const std::string& path, const std::vector<std::string>& seg,
                     const json& params) {
    const bool post = method == "POST", get = method == "GET";
    auto is = [&](std::initializer_list<const char*> names) {
      if (seg.size() != names.size()) return false;
      std::size_t i = 0;
      for (const char* n : names) {
        if (*n != '*' && seg[i] != n) return false;
        ++i;
      }
      return true;
    };
    if (get && is({"health"})) return {200, {{"ok", true}, {"now", sim_.now()}}};
    if (get && is({"clock"})) return {200, {{"now", sim_.now()}}};
    if (post && is({"clock", "advance"})) {
      std::int64_t seconds = integer(params, "seconds", -1);
      if (seconds < 0) throw ControlError("seconds must be a whole number >= 0");
      sim_.advance_clock(seconds);
      return {200, {{"now", sim_.now()}}};
    }
    if (post && is({"links", "open"})) return {200, visit_json(sim_.open_link(text(params, "url")))};
    if (post && is({"links", "submit"})) return {200, visit_json(sim_.submit_onboarding(text(params, "url")))};
    if (post && seg.size() == 3 && seg[0] == "accounts") return account_action(seg[1], seg[2], params);
    if (post && is({"faults"})) {
      stripe::testing::Fault f;
      f.kind = fault_kind(text(params, "kind"));
      f.path_prefix = text(params, "path_prefix", "/");
      f.count = static_cast<int>(integer(params, "count", 1));
      if (f.count < 1) throw ControlError("count must be >= 1");
      sim_.inject_fault(f);
      return {200, {{"armed", true}}};
    }
    if (post && is({"webhooks"})) {
      std::string url = text(params, "url");
      if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0)
        throw ControlError("url must be an http:// or https:// URL");
      set_webhook_url_(url);
      return {200, {{"url", url}}};
    }
    if (get && is({"webhooks", "deliveries"})) {
      json out = json::array();
      for (const auto& d : sim_.webhook_deliveries())
        out.push_back({{"type", d.type}, {"status", d.status}, {"error", d.error},
                       {"event", json::parse(d.payload, nullptr, false)}});
      return {200, {{"data", out}}};
    }
    if (get && is({"event_destinations", "*", "deliveries"})) {
      json out = json::array();
      for (const auto& d : sim_.destination_deliveries())
        if (d.destination == seg[1])
          out.push_back({{"type", d.type}, {"status", d.status}, {"error", d.error}, {"url", d.url},
                         {"event", json::parse(d.payload, nullptr, false)}});
      return {200, {{"data", out}}};
    }
    if (get && is({"stats"})) return {200, {{"now", sim_.now()}, {"commits", sim_.commits()}}};
    throw ControlError("no control endpoint " + method + " " + path, 404);
  }

  ControlReply account_action(const std::string& account, const std::string& action, const json& params) {
    if (action == "complete_verifications") {
      sim_.complete_verifications(account);
    } else if (action == "fail_verification") {
      sim_.fail_verification(account, text(params, "requirement"),
                             text(params, "code", "verification_document_expired"),
                             text(params, "reason", "The document has expired. Upload an unexpired document."));
    } else if (action == "require_eventually_due") {
      sim_.require_eventually_due(account);
    } else if (action == "pass_deadline") {
      sim_.pass_deadline(account);
    } else if (action == "reject") {
      sim_.reject_account(account, text(params, "reason", "fraud"));
    } else {
      throw ControlError("no account action " + action, 404);
    }
    return {200, {{"account", account}, {"done", action}}};
  }

  stripe::testing::Simulator& sim_;
  std::function<void(const std::string&)> set_webhook_url_;
};

}  // namespace stripe_connect_sim
