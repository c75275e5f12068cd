// The simulator at its edges: dot segments in paths, what idempotency saves (and what it does
// not), text that is not UTF-8.
#include <catch2/catch.hpp>

#include "stripe/connect.hpp"
#include "stripe/testing/simulator.hpp"

namespace http = stripe::http;
using stripe::testing::Simulator;

namespace {

struct Sim {
  std::shared_ptr<Simulator> sim = std::make_shared<Simulator>();
  std::size_t deliveries = 0;
  Sim() {
    sim->on_webhook([this](const stripe::testing::WebhookDelivery&) { ++deliveries; });
  }

  // A raw request as a client would send it: the SDK's own path checks are not in the way.
  http::Response send(http::Method m, const std::string& path, const std::string& body = "",
                      const std::string& idempotency_key = "") {
    http::Request r;
    r.method = m;
    r.url = "https://api.stripe.com" + path;
    r.body = body;
    r.headers.set("Authorization", "Bearer sk_test_edges");
    if (!idempotency_key.empty()) r.headers.set("Idempotency-Key", idempotency_key);
    return sim->send(r);
  }
  std::string create_express(const std::string& key = "") {
    auto r = send(http::Method::post, "/v1/accounts", "type=express&capabilities[transfers][requested]=true", key);
    REQUIRE(r.status == 200);
    return nlohmann::json::parse(r.body).at("id").get<std::string>();
  }
  std::string create_v2() {
    auto r = send(http::Method::post, "/v2/core/accounts", R"({"display_name":"Shop","identity":{"country":"US"}})");
    REQUIRE(r.status == 200);
    return nlohmann::json::parse(r.body).at("id").get<std::string>();
  }
  // Everything an integration can see of the accounts, to show that a call changed nothing.
  std::string state() {
    auto v1 = send(http::Method::get, "/v1/accounts?limit=100");
    auto v2 = send(http::Method::get, "/v2/core/accounts?limit=100");
    REQUIRE(v1.status == 200);
    REQUIRE(v2.status == 200);
    return v1.body + "\n" + v2.body + "\n" + std::to_string(sim->commits()) + "\n" + std::to_string(deliveries);
  }
};

nlohmann::json error_of(const http::Response& r) { return nlohmann::json::parse(r.body).at("error"); }

}  // namespace

TEST_CASE("simulator: dot segments are removed before routing, as libcurl and front ends do") {
  Sim s;
  const std::string id = s.create_express();
  using M = http::Method;
  struct Case {
    M method;
    std::string dotted, plain;
  };
  const std::vector<Case> cases = {
      {M::post, "/v1/accounts/.", "/v1/accounts/"},
      {M::post, "/v1/accounts/..", "/v1/"},
      {M::get, "/v1/accounts/" + id + "/capabilities/..", "/v1/accounts/" + id + "/"},
      {M::post, "/v2/core/accounts/.", "/v2/core/accounts/"},
      {M::post, "/v1/accounts/%2e", "/v1/accounts/"},
      {M::post, "/v1/accounts/%2E%2e", "/v1/"},
      {M::get, "/v1/accounts/" + id + "/capabilities/.%2E", "/v1/accounts/" + id + "/"},
  };
  const std::string before = s.state();
  for (const auto& c : cases) {
    INFO(c.dotted);
    auto dotted = s.send(c.method, c.dotted, "");
    auto plain = s.send(c.method, c.plain, "");
    CHECK(dotted.status == 404);
    CHECK(dotted.body == plain.body);
    CHECK(error_of(dotted).at("message") ==
          std::string("Unrecognized request URL (") + http::method_name(c.method) + ": " + c.plain + ").");
  }
  CHECK(s.state() == before);  // nothing was created, updated or deleted

  // Dot segments that lead somewhere reach that endpoint.
  auto account = s.send(M::get, "/v1/x/../accounts/./" + id + "/capabilities/%2E%2E");
  CHECK(account.status == 404);  // ".../acct/" (trailing slash) is no endpoint
  auto retrieved = s.send(M::get, "/v1/x/%2e%2E/accounts/./" + id);
  REQUIRE(retrieved.status == 200);
  CHECK(nlohmann::json::parse(retrieved.body).at("id") == id);
  auto capability = s.send(M::get, "/v1/accounts/" + id + "/capabilities/../capabilities/transfers");
  REQUIRE(capability.status == 200);
  CHECK(nlohmann::json::parse(capability.body).at("id") == "transfers");
  auto rejected = s.send(M::post, "/v1/accounts/" + id + "/capabilities/%2e%2e/reject", "reason=fraud_other");
  REQUIRE(rejected.status == 200);
  CHECK(nlohmann::json::parse(rejected.body).at("requirements").at("disabled_reason") == "rejected.platform_fraud");
  // %252e is an escaped "%2e", not a dot.
  CHECK(error_of(s.send(M::get, "/v1/accounts/%252e")).at("code") == "resource_missing");
}

TEST_CASE("simulator: a request refused by validation or sent to an unknown URL saves no idempotent result") {
  Sim s;
  using M = http::Method;
  // Parameter validation: the corrected retry with the same key runs.
  auto refused = s.send(M::post, "/v1/accounts", "type=express&colour=red&capabilities[transfers][requested]=true", "signup-1");
  CHECK(refused.status == 400);
  CHECK(error_of(refused).at("code") == "parameter_unknown");
  auto corrected = s.send(M::post, "/v1/accounts", "type=express&capabilities[transfers][requested]=true", "signup-1");
  CHECK(corrected.status == 200);
  CHECK(nlohmann::json::parse(corrected.body).at("object") == "account");
  CHECK_FALSE(corrected.headers.contains("Idempotent-Replayed"));
  // ... and is saved: the same request again is a replay.
  auto replay = s.send(M::post, "/v1/accounts", "type=express&capabilities[transfers][requested]=true", "signup-1");
  CHECK(replay.body == corrected.body);
  CHECK(replay.headers.get("Idempotent-Replayed") == std::string("true"));

  // A missing required param and a v2 body that does not parse are refusals too.
  CHECK(s.send(M::post, "/v1/account_links", "type=account_onboarding", "link-1").status == 400);
  const std::string id = nlohmann::json::parse(corrected.body).at("id").get<std::string>();
  auto link = s.send(M::post, "/v1/account_links",
                     "account=" + id + "&type=account_onboarding&refresh_url=https%3A%2F%2Fp.example%2Fr&return_url=https%3A%2F%2Fp.example%2Fx",
                     "link-1");
  CHECK(link.status == 200);
  CHECK(s.send(M::post, "/v2/core/accounts", R"({"display_name":)", "v2-1").status == 400);
  CHECK(s.send(M::post, "/v2/core/accounts", R"({"display_name":"Shop"})", "v2-1").status == 200);

  // An unknown URL: no endpoint ran.
  auto typo = s.send(M::post, "/v1/acounts", "type=express", "signup-2");
  CHECK(typo.status == 404);
  CHECK(error_of(typo).at("message") == "Unrecognized request URL (POST: /v1/acounts).");
  CHECK(s.send(M::post, "/v1/accounts", "type=standard", "signup-2").status == 200);

  // An error from an endpoint that did run is saved and replayed, as before.
  CHECK(s.send(M::post, "/v1/account_links",
               "account=" + id + "&type=account_onboarding&refresh_url=https%3A%2F%2Fp.example%2Fr&return_url=https%3A%2F%2Fp.example%2Fx")
            .status == 200);  // Stripe collects identity from now on
  auto locked = s.send(M::post, "/v1/accounts/" + id, "individual[first_name]=Jo", "update-1");
  CHECK(locked.status == 400);
  CHECK(error_of(locked).at("param") == "individual");
  auto locked_again = s.send(M::post, "/v1/accounts/" + id, "individual[first_name]=Jo", "update-1");
  CHECK(locked_again.body == locked.body);
  CHECK(locked_again.headers.get("Idempotent-Replayed") == std::string("true"));
  auto other = s.send(M::post, "/v1/accounts/" + id, "email=jo%40example.com", "update-1");
  CHECK(other.status == 400);
  CHECK(error_of(other).at("type") == "idempotency_error");
}

TEST_CASE("simulator: a request whose key is in flight gets 409 idempotency_key_in_use and saves nothing") {
  Sim s;
  using M = http::Method;
  const std::string body = "type=express&capabilities[transfers][requested]=true";
  bool sent_twin = false;
  http::Response twin;
  // While the first request is in flight, the same request arrives again (a double submit).
  s.sim->on_request([&](const http::Request& req) {
    if (sent_twin || req.headers.get("Idempotency-Key") != std::string("double-submit")) return;
    sent_twin = true;
    twin = s.send(M::post, "/v1/accounts", body, "double-submit");
  });
  auto first = s.send(M::post, "/v1/accounts", body, "double-submit");
  REQUIRE(sent_twin);
  CHECK(twin.status == 409);
  CHECK(error_of(twin).at("type") == "idempotency_error");
  CHECK(error_of(twin).at("code") == "idempotency_key_in_use");
  CHECK(first.status == 200);
  CHECK(s.sim->commits() == 1u);  // the twin did not run

  // Once answered, the key replays the first result (the 409 was not saved).
  auto retry = s.send(M::post, "/v1/accounts", body, "double-submit");
  CHECK(retry.status == 200);
  CHECK(retry.body == first.body);
  CHECK(retry.headers.get("Idempotent-Replayed") == std::string("true"));
  CHECK(s.sim->commits() == 1u);

  // A request that dies in flight releases its key.
  s.sim->inject_fault({stripe::testing::FaultKind::drop_before_commit, "/v1/accounts", 1});
  CHECK_THROWS_AS(s.send(M::post, "/v1/accounts", body, "dropped"), http::NoResponseError);
  CHECK(s.send(M::post, "/v1/accounts", body, "dropped").status == 200);
  CHECK(s.sim->commits() == 2u);
}

TEST_CASE("simulator: params that are not UTF-8 are a 400 naming the param, and change nothing") {
  Sim s;
  using M = http::Method;
  const std::string v1 = s.create_express();
  const std::string v2 = s.create_v2();
  struct Case {
    M method;
    std::string path, body, param;
  };
  const std::vector<Case> cases = {
      {M::post, "/v1/accounts", "type=express&email=%FF%FE&capabilities[transfers][requested]=true", "email"},
      {M::post, "/v1/accounts/" + v1, "metadata[k%FF]=v", "metadata[k%FF]"},
      {M::post, "/v1/accounts/" + v1, "individual[first_name]=J%C3", "individual[first_name]"},  // cut short
      {M::post, "/v1/accounts/" + v1, "business_profile[name]=%C0%AF", "business_profile[name]"},   // overlong "/"
      {M::post, "/v1/accounts/" + v1, "metadata[k]=%ED%A0%80", "metadata[k]"},                    // a surrogate
      {M::post, "/v1/accounts/" + v1 + "/reject", "reason=fraud%F5", "reason"},
      {M::del, "/v1/accounts/" + v1 + "?x%FF=1", "", "x%FF"},
      {M::get, "/v2/core/accounts/" + v2 + "?include[0]=%FF", "", "include[0]"},
      {M::post, "/v2/core/accounts/" + v2, "{\"display_name\":\"Shop\xFF\"}", "display_name"},
      {M::post, "/v2/core/accounts/" + v2, "{\"metadata\":{\"a\":\"b\",\"k\xFF\":\"v\"}}", "metadata[k%FF]"},
      {M::post, "/v2/core/accounts/" + v2, R"({"identity":{"individual":{"given_name":"\ud800"}}})",
       "identity[individual][given_name]"},
      {M::post, "/v2/core/accounts", R"({"include":["requirements","\udc00"]})", "include[1]"},
  };
  const std::string before = s.state();
  for (const auto& c : cases) {
    INFO(c.param);
    auto r = s.send(c.method, c.path, c.body, "utf8-" + c.param);
    CHECK(r.status == 400);
    auto e = error_of(r);  // the answer itself is JSON
    CHECK(e.at("type") == "invalid_request_error");
    CHECK(e.at("code") == "parameter_invalid_string");
    CHECK(e.at("param") == c.param);
    CHECK(e.at("message") == "Invalid string: " + c.param + " must be valid UTF-8.");
  }
  CHECK(s.state() == before);
  CHECK(nlohmann::json::parse(s.send(M::get, "/v1/accounts/" + v1).body).at("id") == v1);

  // An unknown id that is not UTF-8 is echoed as U+FFFD, never a response that cannot be written.
  auto missing = s.send(M::get, "/v1/accounts/acct_%FF");
  CHECK(missing.status == 404);
  CHECK(error_of(missing).at("message") == "No such account: 'acct_\xEF\xBF\xBD'");
}

TEST_CASE("simulator: public calls given text that is not UTF-8 throw InvalidParamsError and change nothing") {
  Sim s;
  const std::string id = s.create_express();
  auto link = s.send(http::Method::post, "/v1/account_links",
                     "account=" + id + "&type=account_onboarding&refresh_url=https%3A%2F%2Fp.example%2Fr&return_url=https%3A%2F%2Fp.example%2Fx");
  REQUIRE(link.status == 200);
  const std::string url = nlohmann::json::parse(link.body).at("url").get<std::string>();
  const std::string bad = "fraud\xC3(";
  const std::string before = s.state();
  auto refused = [&](auto call) {
    try {
      call();
      FAIL("expected InvalidParamsError");
    } catch (const stripe::InvalidParamsError& e) {
      CHECK(std::string(e.what()).find("is not valid UTF-8") != std::string::npos);
      CHECK(std::string(e.what()).find(bad) == std::string::npos);
    }
  };
  refused([&] { s.sim->reject_account(id, bad); });
  refused([&] { s.sim->reject_account(id + "\xFF"); });
  refused([&] { s.sim->fail_verification(id, "individual.ssn_last_4", "code\xFF"); });
  refused([&] { s.sim->fail_verification(id, "individual.ssn_last_4", "verification_document_expired", bad); });
  refused([&] { s.sim->complete_verifications(id + "\xFF"); });
  refused([&] { s.sim->require_eventually_due(id + "\xFF"); });
  refused([&] { s.sim->pass_deadline(id + "\xFF"); });
  refused([&] { s.sim->open_link(url + "\xFF"); });
  refused([&] { s.sim->submit_onboarding(url + "\xFF"); });
  stripe::testing::SimulatorOptions options;
  options.link_host = "connect.\xFF.invalid";
  refused([&] {
    Simulator with_bad_host(options);
    (void)with_bad_host;
  });
  CHECK(s.state() == before);
  CHECK(s.sim->open_link(url).outcome == stripe::testing::LinkVisit::Outcome::form);  // the link is still unused

  s.sim->reject_account(id, "terms_of_service");  // valid text still works
  auto account = nlohmann::json::parse(s.send(http::Method::get, "/v1/accounts/" + id).body);
  CHECK(account.at("requirements").at("disabled_reason") == "rejected.terms_of_service");
}

TEST_CASE("simulator: an update either applies whole or changes nothing (found by fuzzing)") {
  Sim s;
  using M = http::Method;
  const std::string id = s.create_express();
  const std::string before = s.state();
  // Integers that pass a digits-only check but do not convert: refused up front now; they used
  // to throw after the email was written, and the 400 left the account changed.
  for (const char* date : {"-", "1-2", "99999999999999999999", "12x"}) {
    INFO(date);
    auto r = s.send(M::post, "/v1/accounts/" + id, std::string("email=changed%40example.com&tos_acceptance[date]=") + date);
    CHECK(r.status == 400);
    CHECK(error_of(r).at("code") == "parameter_invalid_integer");
    CHECK(error_of(r).at("param") == "tos_acceptance[date]");
  }
  CHECK(s.state() == before);

  // An object param sent empty is unset: the rest of the update applies (it used to be a 400
  // thrown halfway, after the email was written).
  auto unset = s.send(M::post, "/v1/accounts/" + id, "email=changed%40example.com&individual=&tos_acceptance[date]=");
  REQUIRE(unset.status == 200);
  CHECK(nlohmann::json::parse(unset.body).at("email") == "changed@example.com");
  CHECK(nlohmann::json::parse(s.send(M::get, "/v1/accounts/" + id).body).at("email") == "changed@example.com");

  // v2: a null in defaults.responsibilities unsets it; it used to throw after display_name changed.
  const std::string v2 = s.create_v2();
  auto r = s.send(M::post, "/v2/core/accounts/" + v2,
                  R"({"display_name":"Renamed","defaults":{"responsibilities":null},"include":["defaults"]})");
  REQUIRE(r.status == 200);
  auto account = nlohmann::json::parse(r.body);
  CHECK(account.at("display_name") == "Renamed");
  CHECK(account.at("defaults").at("responsibilities").at("requirements_collector") == "stripe");
  CHECK(s.send(M::get, "/v2/core/accounts/" + v2 + "?include[0]=defaults").status == 200);
}

TEST_CASE("simulator: v2 times are RFC 3339 UTC across leap days and centuries") {
  // The dates come from a day count, not the platform's time functions.
  const std::vector<std::pair<std::int64_t, std::string>> cases = {
      {1709168461, "2024-02-29T01:01:01.000Z"},  // a leap day
      {951782400, "2000-02-29T00:00:00.000Z"},   // a leap day in a century divisible by 400
      {4107542399, "2100-02-28T23:59:59.000Z"},  // 2100 is not a leap year
      {4107542400, "2100-03-01T00:00:00.000Z"},
  };
  for (const auto& [start, expected] : cases) {
    INFO(expected);
    stripe::testing::SimulatorOptions options;
    options.start_time = start;
    Sim s;
    s.sim = std::make_shared<Simulator>(options);
    auto r = s.send(http::Method::post, "/v2/core/accounts", R"({"display_name":"Shop"})");
    REQUIRE(r.status == 200);
    CHECK(nlohmann::json::parse(r.body).at("created") == expected);
  }
}
