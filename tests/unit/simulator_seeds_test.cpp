// The simulator against the Stripe guides the SDK implements: each case quotes the sentence it
// follows (API onboarding, Stripe-hosted onboarding, Express accounts, Create an account link,
// v2 marketplace onboarding) or, for event shapes, stripe-node 23.1.0's type definitions.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "stripe/connect.hpp"
#include "stripe/onboarding.hpp"
#include "stripe/testing/simulator.hpp"
#include "stripe/webhook.hpp"
#include "support/api_onboarding.hpp"

namespace ob = stripe::onboarding;
namespace v1 = stripe::v1;
using json = nlohmann::json;
using M = stripe::http::Method;
using stripe::testing::LinkVisit;
using stripe::testing::Simulator;

namespace {

const json kRecipientAndMerchant = {
    {"recipient", {{"capabilities", {{"stripe_balance", {{"stripe_transfers", {{"requested", true}}}}}}}}},
    {"merchant", {{"capabilities", {{"card_payments", {{"requested", true}}}}}}}};

struct Platform {
  std::shared_ptr<Simulator> sim = std::make_shared<Simulator>();
  std::vector<stripe::testing::WebhookDelivery> deliveries;
  stripe::Client client = [this] {
    stripe::ClientOptions o;
    o.secret_key = "sk_test_platform";
    o.transport = sim;
    o.sleep = [](std::chrono::milliseconds) {};
    return stripe::Client(o);
  }();

  Platform() {
    sim->on_webhook([this](const stripe::testing::WebhookDelivery& d) { deliveries.push_back(d); });
  }

  v1::Account get(const std::string& id) { return client.v1().accounts().retrieve(id).value(); }
  v1::AccountLink link(const std::string& account, ob::Strategy s = ob::Strategy::incremental, bool future = false) {
    return client.v1()
        .account_links()
        .create(ob::link_params(account, {"https://p.example/refresh", "https://p.example/return", s, future}))
        .value();
  }
  v1::Account express(const std::string& country = "US") {
    v1::AccountCreateParams p;
    p.type = "express";
    p.country = country;
    p.business_type = "individual";
    p.capabilities.emplace().card_payments.emplace().requested = true;
    p.capabilities->transfers.emplace().requested = true;
    return client.v1().accounts().create(p).value();
  }
  // The API-onboarding guide's account: the platform collects requirements, transfers only.
  v1::Account custom(const std::optional<std::string>& service_agreement = std::nullopt) {
    auto p = test_support::api_onboarding_account();
    if (service_agreement) p.tos_acceptance.emplace().service_agreement = *service_agreement;
    return client.v1().accounts().create(p).value();
  }
  // Provides everything the account needs through the API, accepts the terms and lets
  // verification finish, as examples/api_onboarding.cpp does.
  std::string api_onboarded() {
    auto id = custom().id;
    auto u = test_support::us_individual_onboarding(sim->now());
    client.v1().accounts().update(id, u).value();
    sim->advance_clock(60);
    return id;
  }
  json post(const std::string& path, const json& body) { return client.raw_request(M::post, path, body).value(); }
  // A v2 account with the recipient and merchant configurations whose user submits the onboarding
  // form of a link for `configurations` (none: the account's own); returns the account's id.
  std::string v2_onboarded(const json& configurations) {
    const std::string id = post("/v2/core/accounts", {{"identity", {{"country", "US"}, {"entity_type", "individual"}}},
                                                      {"configuration", kRecipientAndMerchant}})
                               .at("id");
    json onboarding = {{"refresh_url", "https://p.example/r"}, {"return_url", "https://p.example/x"}};
    if (!configurations.empty()) onboarding["configurations"] = configurations;
    auto link = post("/v2/core/account_links",
                     {{"account", id}, {"use_case", {{"type", "account_onboarding"}, {"account_onboarding", onboarding}}}});
    sim->submit_onboarding(link.at("url"));
    return id;
  }
  json v2_events(const std::string& type) {
    json out = json::array();
    for (const auto& d : deliveries)
      if (d.type == type) out.push_back(json::parse(d.payload));
    return out;
  }
};

bool contains(const std::optional<std::vector<std::string>>& list, const std::string& item) {
  return list && std::find(list->begin(), list->end(), item) != list->end();
}

}  // namespace

TEST_CASE("seeds: charges_enabled is on when transfers alone is active") {
  // API onboarding: "charges_enabled confirms that your full charge path including the charge and
  // transfer works correctly and evaluates if either card_payments or transfers capabilities are
  // active."
  Platform p;
  auto a = p.get(p.api_onboarded());
  CHECK(a.capabilities.count("card_payments") == 0);
  CHECK(a.capabilities.at("transfers") == "active");
  CHECK(a.charges_enabled);
  CHECK(a.payouts_enabled);
  CHECK_FALSE(contains(a.requirements->eventually_due, "individual.id_number"));
  CHECK(ob::to_string(ob::account_state(a)) == std::string("complete"));
}

TEST_CASE("seeds: Express and Standard accounts created without capabilities get them from onboarding") {
  // Express accounts: "If you omit capabilities, Connect Onboarding uses the settings in the
  // Configuration settings section of the Stripe Dashboard to automatically request
  // capabilities based on the account's country."
  // Stripe-hosted onboarding, Full Stripe Dashboard: "Stripe automatically requests a set of
  // capabilities for the account based on the selected country."
  for (const char* type : {"express", "standard"}) {
    INFO(type);
    Platform p;
    v1::AccountCreateParams params;
    params.type = v1::AccountCreateParams::Type(std::string(type));  // the Express guide's `curl ... -d type=express`
    auto a = p.client.v1().accounts().create(params).value();
    CHECK(a.capabilities.empty());
    auto visit = p.sim->submit_onboarding(p.link(a.id, ob::Strategy::up_front).url);
    CHECK(std::count(visit.fields_collected.begin(), visit.fields_collected.end(), "business_profile.url") == 1);
    p.sim->advance_clock(60);
    auto done = p.get(a.id);
    CHECK(done.capabilities.at("card_payments") == "active");
    CHECK(done.capabilities.at("transfers") == "active");
    CHECK(ob::to_string(ob::account_state(done)) == std::string("complete"));
  }
  // Custom accounts still name their capabilities: the platform's own flow collects for them.
  Platform p;
  CHECK_THROWS_AS(p.client.raw_request(M::post, "/v1/accounts", {{"type", "custom"}}), stripe::InvalidRequestError);
}

TEST_CASE("seeds: a link to an account the platform can no longer access sends the user to refresh_url") {
  // Express accounts: "Your user is redirected to the refresh_url in these cases: ... Your
  // platform can no longer access the account."
  Platform p;
  const std::string first = p.custom().id, second = p.custom().id;
  auto unopened = p.link(first);
  auto opened = p.link(second);
  REQUIRE(p.sim->open_link(opened.url).outcome == LinkVisit::Outcome::form);
  for (const auto& id : {first, second}) CHECK(p.client.v1().accounts().del(id)->deleted);
  auto visit = p.sim->open_link(unopened.url);
  CHECK(visit.outcome == LinkVisit::Outcome::refresh);
  CHECK(visit.reason == "account_inaccessible");
  CHECK(visit.redirect_url == "https://p.example/refresh");
  auto submit = p.sim->submit_onboarding(opened.url);  // the form was open when the account went away
  CHECK(submit.outcome == LinkVisit::Outcome::refresh);
  CHECK(submit.reason == "account_inaccessible");
  CHECK(submit.fields_collected.empty());
}

TEST_CASE("seeds: changing the name or ID number after the terms were accepted reruns verification") {
  // API onboarding: "After Stripe confirms acceptance of our terms of service, any change to the
  // Account triggers reverification. For example, if you change the connected account's name and
  // ID number, Stripe reruns verifications." ... "Account verifications run continuously, and if
  // a future verification fails, a capability can transition out of active."
  Platform p;
  auto id = p.api_onboarded();
  REQUIRE(p.get(id).requirements->pending_verification->empty());

  v1::AccountUpdateParams name;
  name.individual.emplace().last_name = "Rosen-Smith";
  auto renamed = p.client.v1().accounts().update(id, name).value();
  CHECK(contains(renamed.requirements->pending_verification, "individual.ssn_last_4"));
  CHECK(contains(renamed.requirements->pending_verification, "individual.id_number"));
  CHECK(renamed.capabilities.at("transfers") == "active");  // it stays active while Stripe reruns
  CHECK(ob::account_state(renamed) == ob::AccountState::pending_enablement);
  p.sim->advance_clock(60);
  CHECK(ob::account_state(p.get(id)) == ob::AccountState::complete);

  v1::AccountUpdateParams number;
  number.individual.emplace().id_number = "000000001";
  CHECK(contains(p.client.v1().accounts().update(id, number)->requirements->pending_verification, "individual.id_number"));

  // The same value again is no change, and neither is information that is not identity.
  p.sim->advance_clock(60);
  auto same = p.client.v1().accounts().update(id, number).value();
  CHECK(same.requirements->pending_verification->empty());
  v1::AccountUpdateParams meta;
  meta.metadata = std::map<std::string, std::optional<std::string>>{{"crm", "42"}};
  CHECK(p.client.v1().accounts().update(id, meta)->requirements->pending_verification->empty());
}

TEST_CASE("seeds: v2 account_update links only for accounts whose requirements the platform collects") {
  // Create an account link: "You can create Account Links of type account_update only for
  // connected accounts where your platform is responsible for collecting requirements,
  // including Custom accounts."
  Platform p;
  auto account = [&](const char* losses_collector) {
    return p.post("/v2/core/accounts",
                  {{"dashboard", "none"},
                   {"identity", {{"country", "US"}}},
                   {"defaults", {{"responsibilities", {{"fees_collector", "application"}, {"losses_collector", losses_collector}}}}},
                   {"configuration", {{"recipient", kRecipientAndMerchant.at("recipient")}}},
                   {"include", json::array({"defaults"})}});
  };
  auto update_link = [&](const std::string& id) {
    return p.client.raw_request(
        M::post, "/v2/core/account_links",
        {{"account", id},
         {"use_case", {{"type", "account_update"},
                       {"account_update", {{"configurations", json::array({"recipient"})},
                                           {"refresh_url", "https://p.example/r"},
                                           {"return_url", "https://p.example/x"}}}}}});
  };
  auto stripe_collects = account("stripe");
  CHECK(stripe_collects.at("defaults").at("responsibilities").at("requirements_collector") == "stripe");
  try {
    update_link(stripe_collects.at("id"));
    FAIL("expected the account_update link to be refused");
  } catch (const stripe::InvalidRequestError& e) {
    CHECK(e.http_status() == 400);
    CHECK(e.param() == "use_case.type");
  }
  auto platform_collects = account("application");
  CHECK(platform_collects.at("defaults").at("responsibilities").at("requirements_collector") == "application");
  CHECK(update_link(platform_collects.at("id"))->at("use_case").at("type") == "account_update");
}

TEST_CASE("seeds: country and service agreement are immutable; the service agreement is shown") {
  // API onboarding: "Country and service agreement type are immutable, while capabilities and
  // business type are mutable." ... "The service type agreement
  // (tos_acceptance.service_agreement) defaults to full."
  Platform p;
  CHECK(p.custom().tos_acceptance->service_agreement == std::string("full"));
  auto recipient = p.custom("recipient");
  CHECK(recipient.tos_acceptance->service_agreement == std::string("recipient"));
  v1::AccountUpdateParams change;
  change.tos_acceptance.emplace().service_agreement = "full";
  try {
    p.client.v1().accounts().update(recipient.id, change);
    FAIL("expected the service agreement change to be refused");
  } catch (const stripe::InvalidRequestError& e) {
    CHECK(e.param() == "tos_acceptance[service_agreement]");
  }
  CHECK(p.get(recipient.id).tos_acceptance->service_agreement == std::string("recipient"));
  v1::AccountUpdateParams business;
  business.business_type = "company";
  CHECK(p.client.v1().accounts().update(recipient.id, business)->business_type == "company");

  auto v2 = p.post("/v2/core/accounts", {{"identity", {{"country", "US"}}}, {"include", json::array({"identity"})}});
  const std::string id = v2.at("id");
  try {
    p.post("/v2/core/accounts/" + id, {{"identity", {{"country", "GB"}}}});
    FAIL("expected the country change to be refused");
  } catch (const stripe::InvalidRequestError& e) {
    CHECK(e.param() == "identity.country");
  }
  stripe::v2::core::AccountRetrieveParams include_identity;
  include_identity.include = std::vector<stripe::v2::core::AccountRetrieveParams::Include>{"identity"};
  auto kept = p.client.v2().core().accounts().retrieve(id, include_identity).value();
  REQUIRE(kept.identity.has_value());
  CHECK(kept.identity->country == std::string("US"));
  CHECK(p.post("/v2/core/accounts/" + id, {{"identity", {{"entity_type", "company"}}}, {"include", json::array({"identity"})}})
            .at("identity").at("entity_type") == "company");
}

TEST_CASE("seeds: a new account with currently due requirements is disabled for requirements.past_due") {
  // API onboarding, the requirements hash of a newly created account:
  //   "currently_due": [ "business_profile.product_description", ... ],
  //   "disabled_reason": "requirements.past_due", ... "past_due": [],
  Platform p;
  auto fresh = p.custom();
  CHECK_FALSE(fresh.requirements->currently_due->empty());
  CHECK(fresh.requirements->past_due->empty());
  CHECK_FALSE(fresh.requirements->current_deadline.has_value());
  CHECK(fresh.requirements->disabled_reason == std::string_view("requirements.past_due"));
  CHECK(ob::account_state(fresh) == ob::AccountState::restricted);
  auto onboarded = p.get(p.api_onboarded());
  CHECK_FALSE(onboarded.requirements->disabled_reason.has_value());
}

TEST_CASE("seeds: a nullable field without a value is sent as null, not left out") {
  // API onboarding, the requirements hash of a newly created account:
  //   "alternatives": [], "current_deadline": null, "currently_due": [ ... ]
  Platform p;
  const std::string id = p.custom().id;
  auto account = p.client.raw_request(M::get, "/v1/accounts/" + id).value();
  REQUIRE(account.at("requirements").contains("current_deadline"));
  CHECK(account.at("requirements").at("current_deadline").is_null());
  CHECK(account.at("future_requirements").at("disabled_reason").is_null());
  CHECK(account.at("email").is_null());
  CHECK(account.at("tos_acceptance").at("date").is_null());
  auto onboarded = p.client.raw_request(M::get, "/v1/accounts/" + p.api_onboarded()).value();
  REQUIRE(onboarded.at("requirements").contains("disabled_reason"));
  CHECK(onboarded.at("requirements").at("disabled_reason").is_null());
  auto capability = p.client.raw_request(M::get, "/v1/accounts/" + id + "/capabilities/card_payments").value();
  CHECK(capability.at("requested_at").is_null());
  CHECK(capability.at("requirements").at("current_deadline").is_null());
}

TEST_CASE("seeds: future requirements become current when their deadline passes") {
  // Stripe-hosted onboarding: "Stripe notifies you about any upcoming requirements updates that
  // affect your connected accounts. You can proactively collect this information by reviewing
  // the future requirements for your accounts." ... "If the account contains any currently_due
  // fields when the current_deadline arrives, the corresponding functionality is disabled and
  // those fields are added to past_due."
  Platform p;
  auto a = p.express();
  p.sim->submit_onboarding(p.link(a.id).url);
  p.sim->complete_verifications(a.id);
  auto before = p.get(a.id);
  CHECK(contains(before.future_requirements->eventually_due, "individual.political_exposure"));
  REQUIRE(before.future_requirements->current_deadline.has_value());
  const auto future_deadline = *before.future_requirements->current_deadline;
  CHECK(future_deadline > p.sim->now());
  CHECK(before.charges_enabled);

  p.sim->advance_clock(future_deadline - p.sim->now() - 1);
  CHECK_FALSE(contains(p.get(a.id).requirements->currently_due, "individual.political_exposure"));
  p.sim->advance_clock(1);
  auto current = p.get(a.id);
  CHECK(contains(current.requirements->currently_due, "individual.political_exposure"));
  CHECK_FALSE(contains(current.future_requirements->eventually_due, "individual.political_exposure"));
  REQUIRE(current.requirements->current_deadline.has_value());
  CHECK(*current.requirements->current_deadline > p.sim->now());
  CHECK(current.charges_enabled);  // a grace period before the new deadline
  CHECK(ob::needs_onboarding(current, ob::Strategy::incremental));

  p.sim->advance_clock(*current.requirements->current_deadline - p.sim->now());
  auto past = p.get(a.id);
  CHECK(contains(past.requirements->past_due, "individual.political_exposure"));
  CHECK(past.requirements->disabled_reason == std::string_view("requirements.past_due"));
  CHECK_FALSE(past.charges_enabled);

  // Collected ahead of time (collection_options.future_requirements=include): nothing comes due.
  auto early = p.express();
  REQUIRE(early.future_requirements->current_deadline.has_value());
  const auto early_deadline = *early.future_requirements->current_deadline;
  p.sim->submit_onboarding(p.link(early.id, ob::Strategy::up_front, true).url);
  p.sim->advance_clock(early_deadline + 30 * 24 * 3600 - p.sim->now());
  auto collected = p.get(early.id);
  CHECK(collected.requirements->currently_due->empty());
  CHECK(collected.future_requirements->eventually_due->empty());
  CHECK(collected.charges_enabled);
}

TEST_CASE("seeds: a document's front satisfies the verification document requirement") {
  // Express accounts: "If you've already collected information for your connected accounts, you
  // can prefill that information on the account object." ... "Connect Onboarding doesn't ask
  // for the prefilled information."
  Platform p;
  v1::AccountCreateParams params;
  params.type = "express";
  params.country = "FR";
  params.business_type = "individual";
  params.capabilities.emplace().transfers.emplace().requested = true;
  params.individual.emplace().verification = json{{"document", {{"front", "file_identity_document_success"}}},
                                                  {"additional_document", {{"front", "file_address_document_success"}}}};
  auto a = p.client.v1().accounts().create(params).value();
  for (const char* doc : {"individual.verification.document", "individual.verification.additional_document"}) {
    INFO(doc);
    CHECK_FALSE(contains(a.requirements->eventually_due, doc));
    CHECK(contains(a.requirements->pending_verification, doc));
  }
}

TEST_CASE("seeds: v2 capability notifications for every configuration whose capability changed") {
  // v2 marketplace onboarding: "Listen to the v2.core.account[requirements].updated event sent to
  // your webhook endpoint to be notified when the account completes requirements."
  // stripe-node 23.1.0: V2CoreAccountIncludingConfiguration{Merchant,Recipient}CapabilityStatusUpdatedEvent,
  // each with `data.updated_capability`.
  Platform p;
  const std::string id = p.v2_onboarded({"recipient", "merchant"});
  p.sim->advance_clock(60);
  std::set<std::string> updated;
  for (const char* config : {"recipient", "merchant"}) {
    auto events = p.v2_events(std::string("v2.core.account[configuration.") + config + "].capability_status_updated");
    INFO(config);
    REQUIRE_FALSE(events.empty());
    for (const auto& n : events) {
      CHECK(n.at("related_object").at("id") == id);
      auto event = p.client.raw_request(M::get, "/v2/core/events/" + n.at("id").get<std::string>()).value();
      CHECK(event.at("type") == n.at("type"));
      updated.insert(event.at("data").at("updated_capability").get<std::string>());
    }
  }
  CHECK(updated == std::set<std::string>{"card_payments", "stripe_balance.payouts", "stripe_balance.stripe_transfers"});
}

TEST_CASE("seeds: v2.core.account_link.returned carries the account, configurations and use case as data") {
  // v2 marketplace onboarding: "Stripe redirects the connected account back to the return_url
  // when they complete the onboarding flow or click Save for later at any point in the flow."
  // stripe-node 23.1.0, V2CoreAccountLinkReturnedEvent.Data: account_id, configurations,
  // use_case; the event has no related_object.
  Platform p;
  const std::string id = p.v2_onboarded(json::array({"recipient"}));
  auto returned = p.v2_events("v2.core.account_link.returned");
  REQUIRE(returned.size() == 1);
  const json& n = returned[0];
  CHECK_FALSE(n.contains("related_object"));
  auto event = p.client.raw_request(M::get, "/v2/core/events/" + n.at("id").get<std::string>()).value();
  CHECK(event.at("object") == "v2.core.event");
  CHECK(event.at("id") == n.at("id"));
  CHECK(event.at("data") == json{{"account_id", id}, {"configurations", json::array({"recipient"})}, {"use_case", "account_onboarding"}});
  try {
    p.client.raw_request(M::get, "/v2/core/events/evt_unknown");
    FAIL("expected 404");
  } catch (const stripe::InvalidRequestError& e) {
    CHECK(e.http_status() == 404);
  }
}

TEST_CASE("seeds: v2 notifications name the account they happened on in context") {
  // stripe-node 23.1.0, V2 EventBase: "context?: string ... Authentication context needed to
  // fetch the event or related object": a string when present, never null.
  Platform p;
  const std::string id = p.v2_onboarded(json::array());
  p.sim->advance_clock(60);
  std::size_t v2 = 0;
  for (const auto& d : p.deliveries) {
    if (d.type.rfind("v2.", 0) != 0) continue;
    ++v2;
    auto n = stripe::webhook::parse_event_notification(d.payload);
    INFO(d.type);
    CHECK(n.context == id);
    if (n.related_object) CHECK(stripe::webhook::fetch_related_account(p.client, n)->id == id);
  }
  CHECK(v2 >= 3);
}
