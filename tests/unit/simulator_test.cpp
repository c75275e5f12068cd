#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "stripe/connect.hpp"
#include "stripe/onboarding.hpp"
#include "stripe/testing/simulator.hpp"
#include "stripe/webhook.hpp"
#include "support/api_onboarding.hpp"
#include "support/schema_paths.hpp"

namespace ob = stripe::onboarding;
namespace v1 = stripe::v1;
namespace v2 = stripe::v2::core;
using stripe::testing::LinkVisit;
using stripe::testing::Simulator;

namespace {

struct World {
  std::shared_ptr<Simulator> sim = std::make_shared<Simulator>();
  std::vector<stripe::testing::WebhookDelivery> deliveries;
  stripe::Client client = make("sk_test_platform");

  stripe::Client make(const std::string& key, int retries = 2) {
    stripe::ClientOptions o;
    o.secret_key = key;
    o.transport = sim;
    o.retry.max_retries = retries;
    o.sleep = [](std::chrono::milliseconds) {};
    return stripe::Client(o);
  }
  World() {
    sim->on_webhook([this](const stripe::testing::WebhookDelivery& d) { deliveries.push_back(d); });
  }

  v1::Account express(const std::string& country = "US", const std::string& business_type = "individual") {
    v1::AccountCreateParams p;
    p.type = "express";
    p.country = country;
    p.business_type = business_type;
    p.email = "owner@example.com";
    p.capabilities.emplace().card_payments.emplace().requested = true;
    p.capabilities->transfers.emplace().requested = true;
    return client.v1().accounts().create(p).value();
  }
  v1::Account custom() { return client.v1().accounts().create(test_support::api_onboarding_account()).value(); }
  v1::AccountLink link(const std::string& account, ob::Strategy s = ob::Strategy::incremental, bool future = false) {
    return client.v1()
        .account_links()
        .create(ob::link_params(account, {"https://p.example/refresh", "https://p.example/return", s, future}))
        .value();
  }
  v1::Account get(const std::string& id) { return client.v1().accounts().retrieve(id).value(); }
  std::string state(const std::string& id) { return ob::to_string(ob::account_state(get(id))); }
};

bool contains(const std::optional<std::vector<std::string>>& list, const std::string& item) {
  return list && std::find(list->begin(), list->end(), item) != list->end();
}

}  // namespace

TEST_CASE("simulator: every response decodes and uses only schema fields") {
  World w;
  auto a = w.express();
  auto raw = w.client.raw_request(stripe::http::Method::get, "/v1/accounts/" + a.id);
  CHECK(test_support::unknown_fields(raw.value(), "Stripe.Account") == "");
  auto caps = w.client.raw_request(stripe::http::Method::get, "/v1/accounts/" + a.id + "/capabilities");
  for (const auto& c : caps->at("data")) CHECK(test_support::unknown_fields(c, "Stripe.Capability") == "");
  auto link = w.client.raw_request(stripe::http::Method::post, "/v1/account_links",
                                   {{"account", a.id}, {"type", "account_onboarding"},
                                    {"refresh_url", "https://p.example/r"}, {"return_url", "https://p.example/x"}});
  CHECK(test_support::unknown_fields(link.value(), "Stripe.AccountLink") == "");
  auto deleted = w.client.v1().accounts().del(w.custom().id);
  CHECK(deleted->deleted);

  nlohmann::ordered_json v2create = {{"display_name", "Shop"}, {"identity", {{"country", "US"}, {"entity_type", "individual"}}},
                                     {"configuration", {{"recipient", {{"capabilities", {{"stripe_balance", {{"stripe_transfers", {{"requested", true}}}}}}}}}}},
                                     {"include", {"configuration.recipient", "requirements", "identity", "defaults", "future_requirements"}}};
  auto v2acct = w.client.raw_request(stripe::http::Method::post, "/v2/core/accounts", v2create);
  CHECK(test_support::unknown_fields(v2acct.value(), "Stripe.V2.Core.Account") == "");
  CHECK_NOTHROW(stripe::decode<v2::Account>(v2acct.value()));
  auto v2link = w.client.raw_request(
      stripe::http::Method::post, "/v2/core/account_links",
      {{"account", v2acct->at("id")},
       {"use_case", {{"type", "account_onboarding"},
                     {"account_onboarding", {{"refresh_url", "https://p.example/r"}, {"return_url", "https://p.example/x"}}}}}});
  CHECK(test_support::unknown_fields(v2link.value(), "Stripe.V2.Core.AccountLink") == "");
  for (const auto& d : w.deliveries) {
    auto j = nlohmann::json::parse(d.payload);
    if (d.type == "account.updated") {
      CHECK(test_support::unknown_fields(j.at("data").at("object"), "Stripe.Account") == "");
    }
  }
}

TEST_CASE("simulator: requirements depend on country, business type and capabilities") {
  World w;
  auto us = w.express("US", "individual");
  CHECK(contains(us.requirements->currently_due, "individual.ssn_last_4"));
  CHECK(contains(us.requirements->eventually_due, "individual.id_number"));
  CHECK_FALSE(contains(us.requirements->currently_due, "individual.id_number"));
  CHECK(contains(us.requirements->currently_due, "business_profile.url"));  // card_payments
  CHECK(contains(us.future_requirements->eventually_due, "individual.political_exposure"));
  auto jp = w.express("JP", "individual");
  CHECK(contains(jp.requirements->currently_due, "individual.first_name_kana"));
  CHECK(jp.default_currency == std::string("jpy"));
  auto sg = w.express("SG", "company");
  CHECK(contains(sg.requirements->currently_due, "company.directors_provided"));
  CHECK(contains(sg.requirements->currently_due, "representative.id_number"));
  auto de = w.express("DE", "company");
  CHECK(contains(de.requirements->currently_due, "company.registration_number"));
  CHECK(contains(de.requirements->eventually_due, "representative.verification.document"));
  auto gb = w.express("GB", "individual");
  CHECK(contains(gb.requirements->eventually_due, "individual.verification.document"));
  auto fr = w.express("FR", "individual");
  CHECK(contains(fr.requirements->eventually_due, "individual.verification.additional_document"));
  // Capabilities start inactive; charges and payouts are off; details not submitted.
  CHECK(us.capabilities.at("card_payments") == "inactive");
  CHECK_FALSE(us.charges_enabled);
  CHECK_FALSE(us.payouts_enabled);
  CHECK_FALSE(us.details_submitted);
  // Prefilled fields are not asked for again.
  v1::AccountCreateParams p;
  p.type = "express";
  p.country = "US";
  p.capabilities.emplace().transfers.emplace().requested = true;
  p.individual.emplace().first_name = "Jenny";
  p.individual->dob = stripe::DateOfBirthParams{1, 2, 1990};
  auto prefilled = w.client.v1().accounts().create(p).value();
  CHECK_FALSE(contains(prefilled.requirements->currently_due, "individual.first_name"));
  CHECK_FALSE(contains(prefilled.requirements->currently_due, "individual.dob.day"));
  CHECK(contains(prefilled.requirements->currently_due, "individual.last_name"));
  CHECK_FALSE(contains(prefilled.requirements->currently_due, "business_profile.mcc"));  // no card_payments
}

TEST_CASE("simulator: the up-front path goes restricted -> pending (disabled) -> complete") {
  World w;
  auto a = w.express();
  CHECK(w.state(a.id) == "restricted");
  auto link = w.link(a.id, ob::Strategy::up_front);
  CHECK(link.expires_at - link.created == 300);
  CHECK(link.url.find("https://connect.simulator.invalid/") == 0);
  auto visit = w.sim->submit_onboarding(link.url);
  CHECK(visit.outcome == LinkVisit::Outcome::form);
  CHECK(visit.redirect_url == "https://p.example/return");
  CHECK(std::find(visit.fields_collected.begin(), visit.fields_collected.end(), "individual.id_number") !=
        visit.fields_collected.end());
  auto after = w.get(a.id);
  CHECK(ob::to_string(ob::account_state(after)) == std::string("pending (disabled)"));
  CHECK(after.details_submitted);
  CHECK(contains(after.requirements->pending_verification, "individual.ssn_last_4"));
  CHECK(after.capabilities.at("card_payments") == "pending");
  w.sim->advance_clock(59);
  CHECK(w.state(a.id) == "pending (disabled)");
  w.sim->advance_clock(1);
  auto done = w.get(a.id);
  CHECK(ob::to_string(ob::account_state(done)) == std::string("complete"));
  CHECK(done.charges_enabled);
  CHECK(done.payouts_enabled);
  CHECK(done.capabilities.at("transfers") == "active");
  CHECK(w.client.v1().capabilities().retrieve(a.id, "transfers")->status == "active");
}

TEST_CASE("simulator: incremental leaves eventually_due; Stripe later needs it; the deadline passes") {
  World w;
  auto a = w.express();
  w.sim->submit_onboarding(w.link(a.id, ob::Strategy::incremental).url);
  w.sim->complete_verifications(a.id);
  auto enabled = w.get(a.id);
  CHECK(ob::account_state(enabled) == ob::AccountState::enabled);
  CHECK(contains(enabled.requirements->eventually_due, "individual.id_number"));
  CHECK_FALSE(ob::needs_onboarding(enabled, ob::Strategy::incremental));
  CHECK(ob::needs_onboarding(enabled, ob::Strategy::up_front));

  w.sim->require_eventually_due(a.id);
  auto due = w.get(a.id);
  CHECK(contains(due.requirements->currently_due, "individual.id_number"));
  REQUIRE(due.requirements->current_deadline.has_value());
  CHECK(*due.requirements->current_deadline == w.sim->now() + 14 * 24 * 3600);
  CHECK(due.charges_enabled);  // still enabled before the deadline
  CHECK(ob::needs_onboarding(due, ob::Strategy::incremental));

  w.sim->advance_clock(14 * 24 * 3600);
  auto past = w.get(a.id);
  CHECK(ob::to_string(ob::account_state(past)) == std::string("restricted (past due)"));
  CHECK(contains(past.requirements->past_due, "individual.id_number"));
  CHECK(past.requirements->disabled_reason == std::string_view("requirements.past_due"));
  CHECK_FALSE(past.charges_enabled);
  CHECK_FALSE(past.payouts_enabled);
  CHECK(past.capabilities.at("card_payments") == "inactive");

  // Back through onboarding: the item is collected and verification re-enables the account.
  w.sim->submit_onboarding(w.link(a.id).url);
  auto pending = w.get(a.id);
  CHECK(ob::account_state(pending) == ob::AccountState::pending_enablement);
  w.sim->advance_clock(60);
  CHECK(w.state(a.id) == "complete");
}

TEST_CASE("simulator: a failed verification brings the requirement back with an error") {
  World w;
  auto a = w.express("GB");
  w.sim->submit_onboarding(w.link(a.id, ob::Strategy::up_front).url);
  w.sim->complete_verifications(a.id);
  CHECK(w.state(a.id) == "complete");
  w.sim->fail_verification(a.id, "individual.verification.document");
  auto failed = w.get(a.id);
  REQUIRE(failed.requirements->errors->size() == 1);
  const auto& err = failed.requirements->errors->at(0);
  CHECK(err.code == v1::Account::Requirements::Errors::Code::verification_document_expired);
  CHECK(err.requirement == "individual.verification.document");
  CHECK_FALSE(err.reason.empty());
  CHECK(contains(failed.requirements->currently_due, "individual.verification.document"));
  CHECK(ob::needs_onboarding(failed, ob::Strategy::incremental));
  CHECK_THROWS_AS(w.sim->fail_verification(a.id, "no.such.requirement"), std::invalid_argument);
}

TEST_CASE("simulator: expired, already visited and rejected links lead to refresh_url") {
  World w;
  auto a = w.express();
  auto first = w.link(a.id);
  w.sim->advance_clock(300);
  auto expired = w.sim->open_link(first.url);
  CHECK(expired.outcome == LinkVisit::Outcome::refresh);
  CHECK(expired.reason == "expired");
  CHECK(expired.redirect_url == "https://p.example/refresh");
  auto second = w.link(a.id);
  CHECK(w.sim->open_link(second.url).outcome == LinkVisit::Outcome::form);
  auto again = w.sim->open_link(second.url);
  CHECK(again.reason == "already_visited");
  CHECK(w.sim->open_link("https://elsewhere.example/setup/x").reason == "unknown_link");
  w.sim->reject_account(a.id, "fraud");
  CHECK(w.sim->open_link(w.link(a.id).url).reason == "account_rejected");
  auto rejected = w.get(a.id);
  CHECK(ob::account_state(rejected) == ob::AccountState::rejected);
  CHECK(rejected.requirements->disabled_reason == std::string_view("rejected.fraud"));
}

TEST_CASE("simulator: the platform rejects through the API; capabilities can be requested later") {
  World w;
  auto a = w.custom();
  v1::AccountRejectParams r;
  r.reason = "terms_of_service";
  auto rejected = w.client.v1().accounts().reject(a.id, r);
  CHECK(rejected->requirements->disabled_reason == std::string_view("rejected.platform_terms_of_service"));

  auto b = w.custom();
  CHECK(b.capabilities.count("card_payments") == 0);
  CHECK(w.client.v1().capabilities().retrieve(b.id, "card_payments")->status == "unrequested");
  v1::CapabilityUpdateParams req;
  req.requested = true;
  auto cap = w.client.v1().capabilities().update(b.id, "card_payments", req);
  CHECK(cap->requested);
  CHECK(cap->status == "inactive");
  CHECK(contains(w.get(b.id).requirements->currently_due, "business_profile.mcc"));
  CHECK_THROWS_AS(w.client.v1().capabilities().retrieve(b.id, "teleport_payments"), stripe::InvalidRequestError);
}

TEST_CASE("simulator: custom accounts onboard through the API with tos_acceptance") {
  World w;
  auto a = w.custom();
  auto u = test_support::us_individual_onboarding(w.sim->now());
  auto updated = w.client.v1().accounts().update(a.id, u).value();
  CHECK(updated.details_submitted);
  CHECK(updated.requirements->currently_due->empty());
  CHECK(contains(updated.requirements->pending_verification, "individual.ssn_last_4"));
  CHECK(updated.individual->first_name == std::string("Jenny"));
  // The individual's date of birth and address come back typed, as the API sends them (numbers).
  REQUIRE(updated.individual->dob);
  CHECK(updated.individual->dob->day == 1);
  CHECK(updated.individual->dob->month == 2);
  CHECK(updated.individual->dob->year == 1990);
  REQUIRE(updated.individual->address);
  CHECK(updated.individual->address->line1 == std::string("1 Main St"));
  CHECK(updated.individual->address->postal_code == std::string("94103"));
  w.sim->advance_clock(60);
  auto done = w.get(a.id);
  CHECK(done.payouts_enabled);
  CHECK(ob::can_use_account_update(done));
  v1::AccountLinkCreateParams upd = ob::link_params(a.id, {"https://p.example/r", "https://p.example/x"});
  upd.type = "account_update";
  CHECK(w.client.v1().account_links().create(upd)->url.find("connect.simulator.invalid") != std::string::npos);
}

TEST_CASE("simulator: validation answers in Stripe's error shape") {
  World w;
  auto a = w.express();
  auto expect = [&](auto call, const std::string& param, const std::string& code, const std::string& text) {
    try {
      call();
      FAIL("expected InvalidRequestError");
    } catch (const stripe::InvalidRequestError& e) {
      CHECK(e.http_status() == 400);
      CHECK(e.param() == param);
      CHECK(e.code() == code);
      CHECK(e.message().find(text) != std::string::npos);
      CHECK(e.type() == "invalid_request_error");
      CHECK_FALSE(e.request_id().empty());
    }
  };
  using M = stripe::http::Method;
  expect([&] { w.client.raw_request(M::post, "/v1/accounts", {{"type", "express"}, {"colour", "red"}}); }, "colour",
         "parameter_unknown", "Received unknown parameter: colour");
  expect([&] { w.client.raw_request(M::post, "/v1/accounts", {{"individual", {{"nickname", "J"}}}}); },
         "individual[nickname]", "parameter_unknown", "unknown parameter");
  expect([&] { w.client.raw_request(M::post, "/v1/accounts", {{"type", "premium"}}); }, "type", "", "must be one of");
  expect([&] { w.client.raw_request(M::post, "/v1/account_links", {{"account", a.id}, {"type", "account_onboarding"}}); },
         "refresh_url", "parameter_missing", "Missing required param: refresh_url");
  expect([&] {
    w.client.raw_request(M::post, "/v1/accounts", {{"type", "custom"}, {"country", "US"}});
  }, "capabilities", "parameter_missing", "capabilities");
  // HTTP redirect URLs in live mode, checked by the simulator itself (bypassing the SDK's check).
  auto live = w.make("sk_live_platform");
  expect([&] {
    live.raw_request(M::post, "/v1/account_links", {{"account", a.id}, {"type", "account_onboarding"},
                                                    {"refresh_url", "https://p.example/r"},
                                                    {"return_url", "http://p.example/x"}});
  }, "return_url", "", "Livemode requests must always be redirected via HTTPS");
  expect([&] {
    w.client.raw_request(M::post, "/v1/account_links", {{"account", a.id}, {"type", "account_update"},
                                                        {"refresh_url", "https://p.example/r"},
                                                        {"return_url", "https://p.example/x"}});
  }, "type", "", "account_update");
  try {
    w.client.v1().accounts().retrieve("acct_missing");
    FAIL("expected 404");
  } catch (const stripe::InvalidRequestError& e) {
    CHECK(e.http_status() == 404);
    CHECK(e.code() == "resource_missing");
  }
  auto bad_key = w.make("pk_test_publishable");
  CHECK_THROWS_AS(bad_key.v1().accounts().retrieve(a.id), stripe::AuthenticationError);
  // Express: the platform cannot change identity once Stripe-hosted onboarding started.
  w.link(a.id);
  v1::AccountUpdateParams u;
  u.individual.emplace().first_name = "Changed";
  expect([&] { w.client.v1().accounts().update(a.id, u); }, "individual", "", "can no longer update");
}

TEST_CASE("simulator: idempotent replays and idempotency errors") {
  World w;
  v1::AccountCreateParams p;
  p.type = "express";
  p.capabilities.emplace().transfers.emplace().requested = true;
  stripe::RequestOptions ro;
  ro.idempotency_key = "signup-42";
  auto first = w.client.v1().accounts().create(p, ro);
  auto commits = w.sim->commits();
  auto second = w.client.v1().accounts().create(p, ro);
  CHECK(second->id == first->id);
  CHECK(second.response().headers.get("Idempotent-Replayed") == std::string("true"));
  CHECK(w.sim->commits() == commits);
  p.email = "different@example.com";
  CHECK_THROWS_AS(w.client.v1().accounts().create(p, ro), stripe::IdempotencyError);
  CHECK(w.sim->commits() == commits);
}

TEST_CASE("simulator: injected faults exercise the client's retries without double commits") {
  World w;
  v1::AccountCreateParams p;
  p.type = "express";
  p.capabilities.emplace().transfers.emplace().requested = true;

  w.sim->inject_fault({stripe::testing::FaultKind::http_500, "/v1/accounts", 1});
  auto a = w.client.v1().accounts().create(p);
  CHECK(a.attempts() == 2);
  CHECK(w.sim->commits() == 1);

  w.sim->inject_fault({stripe::testing::FaultKind::drop_after_commit, "/v1/accounts", 1});
  auto b = w.client.v1().accounts().create(p);
  CHECK(b.attempts() == 2);
  CHECK(w.sim->commits() == 2);  // committed once, replayed on the retry
  CHECK(b.response().headers.get("Idempotent-Replayed") == std::string("true"));

  w.sim->inject_fault({stripe::testing::FaultKind::http_409, "/v1/accounts", 1});
  w.sim->inject_fault({stripe::testing::FaultKind::drop_before_commit, "/v1/accounts", 1});
  auto c = w.client.v1().accounts().create(p);
  CHECK(c.attempts() == 3);
  CHECK(w.sim->commits() == 3);

  w.sim->inject_fault({stripe::testing::FaultKind::drop_after_commit, "/v1/accounts", 1});
  auto no_retry = w.make("sk_test_platform", 0);
  CHECK_THROWS_AS(no_retry.v1().accounts().create(p), stripe::ConnectionError);
  CHECK(w.sim->commits() == 4);  // it did commit: the caller must retry with the same key
  w.sim->inject_fault({stripe::testing::FaultKind::http_429, "/v1/accounts", 1});
  CHECK_THROWS_AS(w.client.v1().accounts().list(), stripe::RateLimitError);
}

TEST_CASE("simulator: webhooks are signed, verifiable and describe each change") {
  World w;
  auto a = w.express();
  w.sim->submit_onboarding(w.link(a.id, ob::Strategy::up_front).url);
  w.sim->advance_clock(60);
  std::set<std::string> types;
  std::vector<std::string> states;
  for (const auto& d : w.deliveries) {
    types.insert(d.type);
    // Default options, as a real endpoint verifies: no clock to inject.
    auto e = stripe::webhook::construct_event(d.payload, d.signature_header, w.sim->webhook_secret());
    if (e.type == "account.updated") {
      states.push_back(ob::to_string(ob::account_state(e.account_object())));
      CHECK(e.data.previous_attributes.is_object());
      CHECK_FALSE(e.data.previous_attributes.empty());
    }
  }
  CHECK(types == std::set<std::string>{"account.updated", "capability.updated"});
  CHECK(states == std::vector<std::string>{"pending (disabled)", "complete"});
  auto tampered = w.deliveries.front();
  tampered.payload.replace(tampered.payload.find("account"), 7, "accounz");
  CHECK_THROWS_AS(stripe::webhook::construct_event(tampered.payload, tampered.signature_header, w.sim->webhook_secret()),
                  stripe::webhook::SignatureVerificationError);
}

TEST_CASE("simulator: deliveries are signed at delivery time and dated by the simulated clock") {
  World w;
  auto a = w.express();
  w.sim->advance_clock(3600);
  // The signer's own clock: std::time can read a coarser clock a tick behind it.
  const stripe::webhook::NowFunction wall_clock;
  auto before = wall_clock();
  w.sim->submit_onboarding(w.link(a.id).url);
  auto after = wall_clock();
  REQUIRE_FALSE(w.deliveries.empty());
  for (const auto& d : w.deliveries) {
    auto header = stripe::webhook::parse_signature_header(d.signature_header);
    CHECK(header.timestamp >= before);
    CHECK(header.timestamp <= after);
    auto created = nlohmann::json::parse(d.payload).at("created").get<std::int64_t>();
    CHECK(created == w.sim->now());  // the event itself keeps the deterministic clock
  }
}

TEST_CASE("simulator: the receiver's answer to each delivery is recorded") {
  World w;
  // An endpoint written as the README shows: default options, 400 on a bad signature.
  auto endpoint = [](const std::string& secret) {
    return [secret](const stripe::testing::WebhookDelivery& d) {
      try {
        stripe::webhook::construct_event(d.payload, d.signature_header, secret);
        return 200;
      } catch (const stripe::webhook::SignatureVerificationError&) {
        return 400;
      }
    };
  };
  w.sim->on_webhook(endpoint(w.sim->webhook_secret()));
  auto a = w.express();
  w.sim->submit_onboarding(w.link(a.id).url);
  auto accepted = w.sim->webhook_deliveries();
  REQUIRE_FALSE(accepted.empty());
  for (const auto& d : accepted) CHECK(d.status == 200);

  w.sim->on_webhook(endpoint("whsec_some_other_endpoint"));
  w.sim->advance_clock(60);
  auto all = w.sim->webhook_deliveries();
  REQUIRE(all.size() > accepted.size());
  for (std::size_t i = accepted.size(); i < all.size(); ++i) CHECK(all[i].status == 400);

  // Returning nothing is a 200; throwing is a 500 with the message kept, and delivery goes on.
  int calls = 0;
  w.sim->on_webhook([&calls](const stripe::testing::WebhookDelivery&) {
    if (++calls == 1) throw std::runtime_error("database down");
  });
  w.sim->fail_verification(a.id, "individual.ssn_last_4");
  auto last = w.sim->webhook_deliveries();
  REQUIRE(last.size() >= all.size() + 2);
  CHECK(last[all.size()].status == 500);
  CHECK(last[all.size()].error == "database down");
  CHECK(last.back().status == 200);
}

TEST_CASE("simulator: a receiver set after accounts exist hears of their later changes only") {
  // Nobody listening costs nothing; the first receiver starts from the accounts as they are.
  auto sim = std::make_shared<Simulator>();
  stripe::ClientOptions o;
  o.secret_key = "sk_test_platform";
  o.transport = sim;
  stripe::Client client(o);
  v1::AccountCreateParams p;
  p.type = "express";
  p.capabilities.emplace().transfers.emplace().requested = true;
  auto id = client.v1().accounts().create(p)->id;
  auto link = client.v1().account_links().create(ob::link_params(id, {"https://p.example/r", "https://p.example/x"}));
  sim->submit_onboarding(link->url);
  CHECK(sim->webhook_deliveries().empty());

  std::vector<nlohmann::json> events;
  sim->on_webhook([&](const stripe::testing::WebhookDelivery& d) { events.push_back(nlohmann::json::parse(d.payload)); });
  CHECK(events.empty());
  sim->advance_clock(60);  // verification finishes
  REQUIRE_FALSE(events.empty());
  const auto& updated = events.front();
  CHECK(updated.at("type") == "account.updated");
  CHECK(updated.at("data").at("object").at("payouts_enabled") == true);
  CHECK(updated.at("data").at("previous_attributes").at("payouts_enabled") == false);
  CHECK(events.back().at("type") == "capability.updated");
  CHECK(events.back().at("data").at("previous_attributes").at("status") == "pending");
}

TEST_CASE("simulator: v2 recipient accounts, links, notifications and lists") {
  World w;
  v2::AccountCreateParams p;
  p.display_name = "FurEver";
  p.dashboard = "express";
  p.identity.emplace().country = "US";
  p.identity->entity_type = "individual";
  p.configuration.emplace().recipient.emplace().capabilities.emplace().stripe_balance.emplace()
      .stripe_transfers.emplace().requested = true;
  p.include = std::vector<v2::AccountCreateParams::Include>{"configuration.recipient", "requirements"};
  auto a = w.client.v2().core().accounts().create(p).value();
  auto s = ob::summarize(a);
  CHECK_FALSE(s.recipient_ready);
  CHECK(s.prompt_continue_onboarding);
  CHECK_FALSE(s.entries_by_deadline.at("currently_due").empty());
  CHECK(a.applied_configurations.at(0) == "recipient");

  // Without include[], requirements and configuration are absent.
  auto bare = w.client.v2().core().accounts().retrieve(a.id).value();
  CHECK_FALSE(bare.requirements.has_value());
  CHECK_FALSE(bare.configuration.has_value());

  auto params = ob::v2_link_params(a.id, {"https://p.example/r", "https://p.example/x", ob::Strategy::up_front}, {"recipient"});
  auto link = w.client.v2().core().account_links().create(params).value();
  CHECK(link.use_case.type == "account_onboarding");
  CHECK(link.account == a.id);
  w.sim->submit_onboarding(link.url);
  w.sim->advance_clock(60);

  std::set<std::string> v2types;
  for (const auto& d : w.deliveries) {
    if (d.type.rfind("v2.", 0) != 0) continue;
    v2types.insert(d.type);
    auto n = stripe::webhook::parse_event_notification(d.payload);
    if (d.type == "v2.core.account_link.returned") {  // its data names the account; no related object
      CHECK_FALSE(n.related_object.has_value());
      continue;
    }
    REQUIRE(n.related_object.has_value());
    auto fetched = stripe::webhook::fetch_related_account(w.client, n);
    CHECK(fetched->id == a.id);
  }
  CHECK(v2types.count("v2.core.account[requirements].updated") == 1);
  CHECK(v2types.count("v2.core.account_link.returned") == 1);
  CHECK(v2types.count("v2.core.account[configuration.recipient].capability_status_updated") == 1);

  v2::AccountRetrieveParams rp;
  rp.include = std::vector<v2::AccountRetrieveParams::Include>{"configuration.recipient", "requirements"};
  auto ready = w.client.v2().core().accounts().retrieve(a.id, rp).value();
  CHECK(ob::summarize(ready).recipient_ready);
  CHECK_FALSE(ob::needs_onboarding(ready, ob::Strategy::up_front));

  // account_update links are refused for accounts with a Stripe-hosted dashboard.
  auto upd = params;
  upd.use_case.type = "account_update";
  upd.use_case.account_update.emplace().refresh_url = "https://p.example/r";
  CHECK_THROWS_AS(w.client.v2().core().account_links().create(upd), stripe::InvalidRequestError);

  for (int i = 0; i < 4; ++i) w.client.v2().core().accounts().create(p);
  v2::AccountListParams lp;
  lp.limit = 2;
  std::vector<std::string> ids;
  for (const auto& acct : w.client.v2().core().accounts().list_all(lp)) ids.push_back(acct.id);
  CHECK(ids.size() == 5);
  CHECK(ids.back() == a.id);
  auto closed = w.client.v2().core().accounts().close(a.id);
  CHECK(closed->closed == true);
}

TEST_CASE("simulator: v1 auto-pagination over many accounts") {
  World w;
  for (int i = 0; i < 23; ++i) w.custom();
  v1::AccountListParams lp;
  lp.limit = 5;
  auto pager = w.client.v1().accounts().list_all(lp);
  std::set<std::string> ids;
  for (const auto& a : pager) ids.insert(a.id);
  CHECK(ids.size() == 23);
  CHECK(pager.pages_fetched() == 5);
}

TEST_CASE("simulator: docs/simulator.md prints the requirements table the simulator uses") {
  std::ifstream in(STRIPE_CONNECT_SOURCE_DIR "/docs/simulator.md");
  REQUIRE(in);
  std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string begin = "<!-- requirements-table:begin -->\n", end = "<!-- requirements-table:end -->";
  auto b = doc.find(begin), e = doc.find(end);
  REQUIRE(b != std::string::npos);
  REQUIRE(e != std::string::npos);
  // When this fails, regenerate the block from stripe::testing::requirements_table_markdown().
  CHECK(doc.substr(b + begin.size(), e - b - begin.size()) == stripe::testing::requirements_table_markdown());
  // The table covers the six documented countries for both business types.
  for (const char* row : {"| US | individual", "| GB | company", "| DE | individual", "| FR | company",
                          "| JP | individual", "| SG | company"})
    CHECK(doc.find(row) != std::string::npos);
}
