// The in-process Simulator under fuzzer-chosen sequences of requests and user actions: raw
// http::Requests straight into send() (real endpoint shapes with fuzzer ids, suffixes, queries,
// bodies, idempotency keys from a small pool, double submits) and typed calls through a
// stripe::Client whose transport is the simulator; between them the user submits onboarding,
// time passes, Stripe rejects, verifications fail, faults are injected. Properties:
// - every answer is a JSON object, whatever was asked;
// - every 200 of a typed endpoint decodes into its typed model (stripe::decode<T>);
// - a replay of a saved idempotent request returns the identical status and body, and a key
//   that saved a result never runs again (a double submit in flight gets no 2xx);
// - a 4xx answer changes nothing an integration can see;
// - the simulator's public calls throw only their documented errors, and the client only
//   stripe::Error (never DecodeError: that would be a 200 that does not decode).
// Typed v2 calls get valid UTF-8 only: the client itself throws nlohmann's type_error when it
// encodes anything else as JSON. FUZZ_TRACE=1 ./fuzz_simulator <reproducer> prints each raw
// request and its status, and both states when a 4xx changed something.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "stripe/connect.hpp"
#include "stripe/testing/simulator.hpp"

namespace {

using json = nlohmann::json;
namespace http = stripe::http;
namespace v1 = stripe::v1;
namespace v2 = stripe::v2::core;

[[noreturn]] void violated(const char* property) {
  std::fprintf(stderr, "property violated: %s\n", property);
  std::abort();
}
void require(bool ok, const char* property) {
  if (!ok) violated(property);
}

// What a 200 from a known endpoint shape must decode into.
enum class Model { none, account, account_list, capability, capability_list, link, v2_account, v2_list, v2_link };

template <class T>
void decodes(const json& j) {
  try {
    (void)stripe::decode<T>(j);
  } catch (const stripe::DecodeError&) {
    violated("a 200 of a typed endpoint does not decode into its model");
  }
}

void check_model(Model m, const json& j) {
  switch (m) {
    case Model::none: return;
    case Model::account: return decodes<v1::Account>(j);
    case Model::account_list: return decodes<stripe::List<v1::Account>>(j);
    case Model::capability: return decodes<v1::Capability>(j);
    case Model::capability_list: return decodes<stripe::List<v1::Capability>>(j);
    case Model::link: return decodes<v1::AccountLink>(j);
    case Model::v2_account: return decodes<v2::Account>(j);
    case Model::v2_list: return decodes<stripe::V2List<v2::Account>>(j);
    case Model::v2_link: return decodes<v2::AccountLink>(j);
  }
}

// The model a 200 body claims to be, for paths the fuzzer mangled.
Model model_of(const json& j) {
  std::string object = stripe::detail::json_string(j, "object");
  if (object == "account") return Model::account;
  if (object == "capability") return Model::capability;
  if (object == "account_link") return Model::link;
  if (object == "v2.core.account") return Model::v2_account;
  if (object == "v2.core.account_link") return Model::v2_link;
  if (object == "list")
    return stripe::detail::json_string(j, "url").find("/capabilities") != std::string::npos ? Model::capability_list
                                                                                            : Model::account_list;
  if (j.contains("data") && j.contains("next_page_url")) return Model::v2_list;
  return Model::none;
}

const char* const kV1Names[] = {
    "type", "country", "email", "business_type", "capabilities[transfers][requested]",
    "capabilities[card_payments][requested]", "metadata[k]", "metadata[order]", "individual[first_name]",
    "individual[dob][day]", "individual[ssn_last_4]", "tos_acceptance[date]", "tos_acceptance[ip]",
    "business_profile[url]", "business_profile[mcc]", "company[name]", "company[tax_id]", "account", "refresh_url",
    "return_url", "collect", "collection_options[fields]", "collection_options[future_requirements]", "reason",
    "requested", "limit", "starting_after", "ending_before", "controller[requirement_collection]",
    "controller[stripe_dashboard][type]", "controller[fees][payer]", "controller[losses][payments]", "expand[0]",
    "settings[payouts][schedule][interval]", "individual", "company", "business_profile", "tos_acceptance",
    "metadata", "capabilities", "controller", "controller[fees]", "individual[dob]"};
const char* const kValues[] = {"true",  "false", "express", "custom", "standard", "US", "JP", "SG", "individual",
                               "company", "https://p.example/r", "http://p.example/x", "1", "-", "0", "3",
                               "99999999999999999999", "eventually_due", "currently_due", "include", "omit",
                               "account_onboarding", "account_update", "fraud_other", "terms_of_service",
                               "application", "stripe", "none", "full", "1767225600", "198.51.100.7", ""};
const char* const kV2Names[] = {"display_name", "contact_email", "dashboard", "identity", "configuration", "include",
                                "metadata", "defaults", "account", "use_case", "responsibilities",
                                "requirements_collector", "individual", "given_name", "country", "entity_type",
                                "recipient", "merchant", "customer", "refresh_url", "return_url", "collection_options"};
const char* const kCaps[] = {"transfers", "card_payments", "bogus", ""};
const char* const kSuffixes[] = {"", "/", "/.", "/..", "/%2e", "/%2E%2e", "/./", "/x/..", "/../..", "//"};
const char* const kRequirements[] = {"individual.ssn_last_4", "individual.id_number", "business_profile.url",
                                     "external_account", "individual.verification.document", "tos_acceptance.date",
                                     "company.tax_id", "representative.id_number"};

struct Saved {
  int status;
  std::string body;
};

class Run {
 public:
  explicit Run(FuzzedDataProvider& in) : in_(in), client_(make_client()) {
    sim_->on_request([this](const http::Request& req) { double_submit(req); });
  }

  void step() {
    switch (in_.ConsumeIntegralInRange<int>(0, 13)) {
      case 0: case 1: case 2: case 3: case 4: return raw_request();
      case 5: case 6: return typed_v1();
      case 7: return typed_v2();
      case 8: return user_submits();
      case 9: return user_opens();
      case 10: return stripe_acts();
      case 11: return advance_clock();
      case 12: return inject_fault();
      case 13: arm_double_submit_ = true; return;
    }
  }

 private:
  stripe::Client make_client() {
    stripe::ClientOptions o;
    o.secret_key = "sk_test_fuzz";
    o.transport = sim_;
    o.retry.max_retries = in_.ConsumeIntegralInRange<int>(0, 2);
    o.sleep = [](std::chrono::milliseconds) {};
    o.idempotency_key_generator = [this] { return "gen-" + std::to_string(++generated_); };
    return stripe::Client(o);
  }

  std::string text(std::size_t max = 24) { return in_.ConsumeRandomLengthString(max); }
  // Mostly real values, so requests get past validation; sometimes any bytes.
  std::string value() {
    switch (in_.ConsumeIntegralInRange<int>(0, 7)) {
      case 0: return text();
      case 1: {
        std::string s = text();
        for (char& c : s) c = static_cast<char>(' ' + static_cast<unsigned char>(c) % 95);  // printable ASCII
        return s;
      }
      case 2: return "";  // in a form: unset
      default: return in_.PickValueInArray(kValues);
    }
  }
  std::string account() {
    if (accounts_.empty() || in_.ConsumeIntegralInRange<int>(0, 7) == 0) return text(20);
    return accounts_[in_.ConsumeIntegralInRange<std::size_t>(0, accounts_.size() - 1)];
  }
  std::string known_account() {
    return accounts_.empty() ? std::string("acct_none") : accounts_[in_.ConsumeIntegralInRange<std::size_t>(0, accounts_.size() - 1)];
  }
  std::string link_url() {
    auto urls = sim_->link_urls();
    if (urls.empty() || in_.ConsumeIntegralInRange<int>(0, 5) == 0) return "https://connect.simulator.invalid/setup/e/" + text();
    return urls[in_.ConsumeIntegralInRange<std::size_t>(0, urls.size() - 1)];
  }
  void remember(const json& j) {
    std::string id = stripe::detail::json_string(j, "id");
    if (id.rfind("acct_", 0) == 0 && known_.insert(id).second) accounts_.push_back(id);
  }

  // Everything an integration can see, or nothing when a fault got in the way.
  std::optional<std::string> snapshot() {
    std::string out;
    for (const char* path : {"/v1/accounts?limit=100", "/v2/core/accounts?limit=100"}) {
      http::Request r = base(http::Method::get, path);
      try {
        http::Response resp = sim_->send(r);
        if (resp.status != 200) return std::nullopt;
        out += resp.body;
      } catch (const http::NoResponseError&) {
        return std::nullopt;
      }
    }
    return out + "|" + std::to_string(sim_->commits()) + "|" + std::to_string(sim_->link_urls().size());
  }

  static http::Request base(http::Method m, const std::string& path) {
    http::Request r;
    r.method = m;
    r.url = "https://api.stripe.com" + path;
    r.headers.set("Authorization", "Bearer sk_test_fuzz");
    return r;
  }

  std::string form_body() {
    std::string body;
    std::set<std::string> names;  // a name given twice is a parse error: mostly avoid it
    if (in_.ConsumeBool()) {  // a visible change first, so a 4xx that applied part of it shows
      body = "email=touch" + std::to_string(++touches_) + "%40example.com";
      names.insert("email");
    }
    int n = in_.ConsumeIntegralInRange<int>(0, 6);
    for (int i = 0; i < n; ++i) {
      std::string name = in_.ConsumeIntegralInRange<int>(0, 7) == 0 ? text(16) : in_.PickValueInArray(kV1Names);
      if (!names.insert(name).second && in_.ConsumeIntegralInRange<int>(0, 7) != 0) continue;
      std::string v = in_.ConsumeIntegralInRange<int>(0, 3) == 0 ? known_account() : value();
      if (!body.empty()) body += '&';
      body += (in_.ConsumeBool() ? stripe::percent_encode(name) : name) + "=" + stripe::percent_encode(v);
    }
    return body;
  }

  // A small JSON value of any type, to meet shapes the schema allows (null) or refuses.
  json any_json(int depth = 0) {
    switch (in_.ConsumeIntegralInRange<int>(0, depth < 2 ? 7 : 5)) {
      case 0: return nullptr;
      case 1: return value();
      case 2: return in_.ConsumeIntegral<std::int64_t>();
      case 3: return in_.ConsumeBool();
      case 4: return json::object();
      case 5: return json::array();
      case 6: return {{in_.ConsumeBool() ? std::string(in_.PickValueInArray(kV2Names)) : value(), any_json(depth + 1)}};
      default: return json::array({any_json(depth + 1)});
    }
  }

  static json& object_at(json& j, const char* key) {
    if (!j[key].is_object()) j[key] = json::object();
    return j[key];
  }

  std::string json_body() {
    json j = json::object();
    if (in_.ConsumeBool()) j["display_name"] = "touch " + std::to_string(++touches_);  // see form_body
    int n = in_.ConsumeIntegralInRange<int>(0, 5);
    for (int i = 0; i < n; ++i) {
      switch (in_.ConsumeIntegralInRange<int>(0, 13)) {
        case 0: j["display_name"] = value(); break;
        case 1: j["contact_email"] = value(); break;
        case 2: j["identity"] = {{"country", in_.ConsumeBool() ? "US" : value()}, {"entity_type", value()}}; break;
        case 3: object_at(j, "identity")["individual"] = {{"given_name", value()}, {"surname", value()}}; break;
        case 4:
          j["configuration"] = {{"recipient", {{"capabilities", {{"stripe_balance", {{"stripe_transfers", {{"requested", true}}}}}}}}}};
          break;
        case 5: j["include"] = json::array({"requirements", value(), "configuration.recipient"}); break;
        case 6: j["account"] = known_account(); break;
        case 7:
          j["use_case"] = {{"type", in_.ConsumeBool() ? "account_onboarding" : value()},
                           {"account_onboarding", {{"refresh_url", "https://p.example/r"}, {"return_url", value()},
                                                   {"collection_options", {{"fields", value()}}}}}};
          break;
        case 8: object_at(j, "metadata")[value()] = in_.ConsumeBool() ? json(value()) : json(nullptr); break;
        case 9: j[text(12)] = in_.ConsumeBool() ? json(in_.ConsumeIntegral<std::int64_t>()) : json(value()); break;
        case 10: j["defaults"] = {{"responsibilities", any_json()}, {"currency", any_json()}}; break;
        case 11: j["identity"] = {{"individual", any_json()}, {"business_details", any_json()}}; break;
        case 12: j["use_case"] = {{"type", "account_onboarding"}, {"account_onboarding", any_json()}}; break;
        default: j[in_.PickValueInArray(kV2Names)] = any_json(); break;
      }
    }
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
  }

  // A real endpoint shape (or fuzzer bytes), maybe mangled; the model a 200 must decode into.
  std::pair<std::string, Model> path_for(http::Method m) {
    using M = http::Method;
    const bool get = m == M::get, post = m == M::post;
    std::string id = account();
    int shape = in_.ConsumeIntegralInRange<int>(0, 12);
    if (shape > 10) shape = shape == 11 ? 1 : 7;  // updates twice as often: most state changes go there
    const bool clean_id = known_.count(id) > 0 || shape == 0 || shape == 5 || shape == 6 || shape == 9;
    std::string path;
    Model model = Model::none;
    switch (shape) {
      case 0: path = "/v1/accounts"; model = post ? Model::account : get ? Model::account_list : Model::none; break;
      case 1: path = "/v1/accounts/" + id; model = Model::account; break;
      case 2: path = "/v1/accounts/" + id + "/capabilities"; model = get ? Model::capability_list : Model::none; break;
      case 3: {
        std::string cap = in_.PickValueInArray(kCaps);
        path = "/v1/accounts/" + id + "/capabilities/" + cap;
        model = get || post ? Model::capability : Model::none;
        break;
      }
      case 4: path = "/v1/accounts/" + id + "/reject"; model = post ? Model::account : Model::none; break;
      case 5: path = "/v1/account_links"; model = post ? Model::link : Model::none; break;
      case 6: path = "/v2/core/accounts"; model = post ? Model::v2_account : get ? Model::v2_list : Model::none; break;
      case 7: path = "/v2/core/accounts/" + id; model = get || post ? Model::v2_account : Model::none; break;
      case 8: path = "/v2/core/accounts/" + id + "/close"; model = post ? Model::v2_account : Model::none; break;
      case 9: path = "/v2/core/account_links"; model = post ? Model::v2_link : Model::none; break;
      default: path = "/" + text(40); model = Model::none; break;
    }
    std::string suffix = in_.ConsumeIntegralInRange<int>(0, 3) == 0 ? in_.PickValueInArray(kSuffixes) : "";
    if (!suffix.empty() || !clean_id) model = Model::none;  // judged by what the body claims
    path += suffix;
    if (in_.ConsumeIntegralInRange<int>(0, 3) == 0) path += "?" + (in_.ConsumeBool() ? form_body() : text(30));
    return {path, model};
  }

  void raw_request() {
    using M = http::Method;
    const M m = in_.PickValueInArray({M::get, M::post, M::post, M::del});
    auto [path, model] = path_for(m);
    http::Request r = base(m, path);
    const bool v2 = path.rfind("/v2/", 0) == 0;
    if (m == M::post) {
      switch (in_.ConsumeIntegralInRange<int>(0, 7)) {
        case 0: r.body = text(200); break;
        case 1: break;
        default: r.body = v2 ? json_body() : form_body(); break;
      }
    }
    std::string key;
    if (m != M::get && in_.ConsumeIntegralInRange<int>(0, 3) == 0) key = "k" + std::to_string(in_.ConsumeIntegralInRange<int>(0, 3));
    if (!key.empty()) r.headers.set("Idempotency-Key", key);
    switch (in_.ConsumeIntegralInRange<int>(0, 15)) {
      case 0: r.headers.set("Authorization", "Bearer sk_live_fuzz"); break;
      case 1: r.headers.set("Authorization", text(20)); break;
      default: break;
    }

    std::optional<std::string> before = m == M::get ? std::nullopt : snapshot();
    std::optional<http::Response> resp = send(r);
    if (trace_)  // FUZZ_TRACE=1 ./fuzz_simulator <reproducer>: what was sent, what came back
      std::fprintf(stderr, "request %s %s [%s] -> %d\n", http::method_name(m), path.c_str(), r.body.c_str(),
                   resp ? resp->status : -1);
    if (!resp) {  // the connection dropped: before or after a commit, nobody can tell
      if (!key.empty()) {
        saved_.erase(key);
        maybe_.erase(key);
        unknown_.insert(key);
      }
      return;
    }
    const json body = check_answer(*resp);
    if (resp->status == 200) {
      remember(body);
      check_model(model != Model::none ? model : model_of(body), body);
      if (model != Model::none) require(model_of(body) == model || model_of(body) == Model::none,
                                        "a 200 of a typed endpoint claims another object");
    }
    const bool replayed = resp->headers.get("Idempotent-Replayed") == std::string("true");
    if (resp->status >= 400 && resp->status < 500 && !replayed && before) {
      auto after = snapshot();
      if (trace_ && after && *after != *before) std::fprintf(stderr, "before %s\nafter  %s\n", before->c_str(), after->c_str());
      require(!after || *after == *before, "a 4xx answer changed what an integration can see");
    }
    if (!key.empty()) check_idempotency(r, key, *resp, replayed);
  }

  // Replays must be exact; a key that saved a result never runs again.
  void check_idempotency(const http::Request& r, const std::string& key, const http::Response& resp, bool replayed) {
    if (replayed) {
      if (auto it = saved_.find(key); it != saved_.end()) {
        require(resp.status == it->second.status && resp.body == it->second.body, "a replay differs from the saved result");
      } else if (auto m = maybe_.find(key); m != maybe_.end()) {
        require(resp.status == m->second.status && resp.body == m->second.body, "a replay differs from the 4xx it replays");
        saved_[key] = m->second;
      } else {
        require(unknown_.count(key) > 0, "a replay of a result never given");
        saved_[key] = {resp.status, resp.body};
      }
      maybe_.erase(key);
      unknown_.erase(key);
      return;
    }
    if (saved_.count(key)) {
      require(resp.status >= 300, "a key that saved a result ran again");
      return;
    }
    const std::string type = resp.status >= 400 ? error_type(resp) : "";
    if (resp.status == 200) {
      saved_[key] = {resp.status, resp.body};
      maybe_.erase(key);
      unknown_.erase(key);
    } else if (resp.status >= 400 && resp.status < 500 && resp.status != 401 && resp.status != 409 &&
               resp.status != 429 && type != "idempotency_error") {
      maybe_[key] = {resp.status, resp.body};  // saved if the endpoint ran; the probe tells
    } else {
      return;
    }
    // The same request again at once: a saved result comes back byte for byte.
    std::optional<http::Response> probe = send(r);
    if (!probe || probe->status == 500 || probe->status == 429 || probe->status == 409) return;  // a fault
    check_answer(*probe);
    const bool probe_replayed = probe->headers.get("Idempotent-Replayed") == std::string("true");
    if (resp.status == 200) require(probe_replayed, "a saved 200 was not replayed");
    if (probe_replayed) {
      require(probe->status == resp.status && probe->body == resp.body, "a replay differs from the saved result");
      saved_[key] = {resp.status, resp.body};
      maybe_.erase(key);
    } else if (probe->status == 200) {
      saved_[key] = {probe->status, probe->body};  // the 4xx was not saved; this ran and was
      maybe_.erase(key);
      remember(json::parse(probe->body));
    }
  }

  static std::string error_type(const http::Response& resp) {
    json j = json::parse(resp.body, nullptr, false);
    return j.is_object() && j.contains("error") && j["error"].is_object() ? stripe::detail::json_string(j["error"], "type")
                                                                          : "";
  }

  std::optional<http::Response> send(const http::Request& r) {
    try {
      return sim_->send(r);
    } catch (const http::NoResponseError&) {
      return std::nullopt;  // an injected drop
    }
  }

  static json check_answer(const http::Response& resp) {
    json j = json::parse(resp.body, nullptr, false);
    require(!j.is_discarded() && j.is_object(), "an answer is not a JSON object");
    require(resp.status == 200 || (j.contains("error") && j["error"].is_object()), "an error answer has no error object");
    return j;
  }

  // While armed, the next request with a key is sent again from inside itself: a double submit.
  void double_submit(const http::Request& req) {
    if (!arm_double_submit_ || in_double_submit_ || !req.headers.contains("Idempotency-Key") ||
        req.method == http::Method::get)
      return;
    arm_double_submit_ = false;
    in_double_submit_ = true;
    std::optional<http::Response> twin = send(req);
    in_double_submit_ = false;
    if (!twin) return;
    check_answer(*twin);
    require(twin->status >= 300, "a double submit ran twice");
  }

  template <class F>
  void client_call(F&& f) {
    try {
      f();
    } catch (const stripe::DecodeError&) {
      violated("the client got a 200 that does not decode");
    } catch (const stripe::Error& e) {
      if (e.http_status() != 0)
        require(json::accept(e.raw_body()), "an error answer through the client is not JSON");
    }
  }

  stripe::RequestOptions options() {
    stripe::RequestOptions ro;
    // Keys of their own: the raw requests' model does not see what the client sends.
    if (in_.ConsumeBool()) ro.idempotency_key = "c" + std::to_string(in_.ConsumeIntegralInRange<int>(0, 3));
    return ro;
  }

  void typed_v1() {
    auto& c = client_;
    switch (in_.ConsumeIntegralInRange<int>(0, 8)) {
      case 0: {
        v1::AccountCreateParams p;
        if (in_.ConsumeBool()) p.type = std::string(in_.PickValueInArray({"express", "custom", "standard"}));
        if (in_.ConsumeBool()) p.country = std::string(in_.PickValueInArray({"US", "JP", "SG", "GB"}));
        if (in_.ConsumeBool()) p.business_type = std::string(in_.PickValueInArray({"individual", "company"}));
        if (in_.ConsumeBool()) p.email = value();
        if (in_.ConsumeBool()) p.capabilities.emplace().transfers.emplace().requested = true;
        if (in_.ConsumeBool()) p.capabilities.emplace().card_payments.emplace().requested = in_.ConsumeBool();
        return client_call([&] { remember(stripe::encode(c.v1().accounts().create(p, options()).value())); });
      }
      case 1: return client_call([&] { (void)c.v1().accounts().retrieve(known_account()); });
      case 2: {
        v1::AccountUpdateParams p;
        if (in_.ConsumeBool()) p.email = value();
        if (in_.ConsumeBool()) p.business_type = std::string(in_.PickValueInArray({"individual", "company"}));
        if (in_.ConsumeBool()) p.individual.emplace().first_name = value();
        return client_call([&] { (void)c.v1().accounts().update(known_account(), p, options()); });
      }
      case 3: {
        v1::AccountListParams p;
        p.limit = in_.ConsumeIntegralInRange<std::int64_t>(-2, 120);
        return client_call([&] { (void)c.v1().accounts().list(p); });
      }
      case 4: return client_call([&] { (void)c.v1().capabilities().list(known_account()); });
      case 5: {
        v1::CapabilityUpdateParams p;
        p.requested = in_.ConsumeBool();
        std::string cap = in_.PickValueInArray({"transfers", "card_payments"});
        return client_call([&] { (void)c.v1().capabilities().update(known_account(), cap, p, options()); });
      }
      case 6: {
        v1::AccountLinkCreateParams p;
        p.account = known_account();
        p.type = std::string(in_.ConsumeBool() ? "account_onboarding" : "account_update");
        p.refresh_url = "https://p.example/refresh";
        p.return_url = in_.ConsumeBool() ? "https://p.example/return" : value();
        if (in_.ConsumeBool()) p.collect = std::string(in_.ConsumeBool() ? "eventually_due" : "currently_due");
        return client_call([&] { (void)c.v1().account_links().create(p, options()); });
      }
      case 7: {
        v1::AccountRejectParams p;
        p.reason = std::string(in_.PickValueInArray({"fraud_other", "terms_of_service", "other", "credit"}));
        return client_call([&] { (void)c.v1().accounts().reject(known_account(), p, options()); });
      }
      default: return client_call([&] { (void)c.v1().accounts().del(known_account(), options()); });
    }
  }

  void typed_v2() {
    auto& c = client_;
    switch (in_.ConsumeIntegralInRange<int>(0, 4)) {
      case 0: {
        // Through the client as JSON params (valid UTF-8: the client encodes them).
        nlohmann::ordered_json p = nlohmann::ordered_json::parse(json_body());
        return client_call([&] {
          auto r = c.raw_request(http::Method::post, "/v2/core/accounts", p, options());
          decodes<v2::Account>(r.value());
          remember(r.value());
        });
      }
      case 1: {
        v2::AccountRetrieveParams p;
        p.include.emplace().emplace_back(std::string(in_.PickValueInArray({"requirements", "identity", "configuration.recipient", "defaults"})));
        return client_call([&] { (void)c.v2().core().accounts().retrieve(known_account(), p); });
      }
      case 2: return client_call([&] { (void)c.v2().core().accounts().list(); });
      case 3: return client_call([&] { (void)c.v2().core().accounts().close(known_account(), {}, options()); });
      default: {
        nlohmann::ordered_json p = {
            {"account", known_account()},
            {"use_case", {{"type", in_.ConsumeBool() ? "account_onboarding" : "account_update"},
                          {"account_onboarding", {{"refresh_url", "https://p.example/r"}, {"return_url", "https://p.example/x"}}},
                          {"account_update", {{"refresh_url", "https://p.example/r"}, {"return_url", "https://p.example/x"}}}}}};
        return client_call([&] {
          auto r = c.raw_request(http::Method::post, "/v2/core/account_links", p, options());
          decodes<v2::AccountLink>(r.value());
        });
      }
    }
  }

  // The simulator's own calls throw only what they document.
  template <class F>
  void sim_call(F&& f) {
    try {
      f();
    } catch (const stripe::InvalidParamsError&) {
    } catch (const std::invalid_argument&) {  // no such account or requirement
    }
  }

  void user_submits() {
    sim_call([&] { (void)sim_->submit_onboarding(link_url()); });
  }
  void user_opens() {
    sim_call([&] { (void)sim_->open_link(link_url()); });
  }
  void stripe_acts() {
    std::string id = account();
    switch (in_.ConsumeIntegralInRange<int>(0, 4)) {
      case 0: return sim_call([&] { sim_->reject_account(id, in_.ConsumeBool() ? std::string("fraud") : text(12)); });
      case 1: return sim_call([&] { sim_->complete_verifications(id); });
      case 2:
        return sim_call([&] {
          std::string req = in_.ConsumeBool() ? std::string(in_.PickValueInArray(kRequirements)) : text(24);
          if (in_.ConsumeBool()) sim_->fail_verification(id, req);
          else sim_->fail_verification(id, req, text(16), text(40));
        });
      case 3: return sim_call([&] { sim_->require_eventually_due(id); });
      default: return sim_call([&] { sim_->pass_deadline(id); });
    }
  }
  void advance_clock() { sim_->advance_clock(in_.ConsumeIntegralInRange<std::int64_t>(0, 30 * 24 * 3600)); }
  void inject_fault() {
    using K = stripe::testing::FaultKind;
    stripe::testing::Fault f;
    f.kind = in_.PickValueInArray({K::http_500, K::http_409, K::http_429, K::drop_before_commit, K::drop_after_commit});
    f.path_prefix = in_.PickValueInArray({"/v1/accounts", "/v1/account_links", "/v2/core/accounts", "/v2/", "/"});
    f.count = in_.ConsumeIntegralInRange<int>(1, 2);
    sim_->inject_fault(f);
  }

  FuzzedDataProvider& in_;
  std::shared_ptr<stripe::testing::Simulator> sim_ = std::make_shared<stripe::testing::Simulator>();
  std::uint64_t generated_ = 0, touches_ = 0;
  stripe::Client client_;
  std::vector<std::string> accounts_;
  std::set<std::string> known_;
  std::map<std::string, Saved> saved_;  // key -> the result the simulator saved for it
  std::map<std::string, Saved> maybe_;  // key -> a 4xx that is saved if its endpoint ran
  std::set<std::string> unknown_;       // keys whose last request dropped: saved or not
  bool arm_double_submit_ = false, in_double_submit_ = false;
  const bool trace_ = std::getenv("FUZZ_TRACE") != nullptr;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  Run run(in);
  for (int i = 0; i < 40 && in.remaining_bytes() > 0; ++i) run.step();
  return 0;
}
