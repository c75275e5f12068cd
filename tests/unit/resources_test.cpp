#include <catch2/catch.hpp>

#include <type_traits>

#include "stripe/connect.hpp"
#include "stripe/testing/recording_transport.hpp"
#include "support/fixtures.hpp"

using stripe::http::Method;
using stripe::testing::RecordingTransport;
namespace v1 = stripe::v1;
namespace v2 = stripe::v2::core;

namespace {

struct Harness {
  std::shared_ptr<RecordingTransport> transport = std::make_shared<RecordingTransport>();
  stripe::Client client{[this] {
    stripe::ClientOptions o;
    o.secret_key = "sk_test_resources";
    o.transport = transport;
    o.sleep = [](std::chrono::milliseconds) {};
    return o;
  }()};
  stripe::http::Request last() const { return transport->requests().back(); }
};

}  // namespace

TEST_CASE("decode a full custom account with requirements and errors") {
  auto a = stripe::decode<v1::Account>(test_support::fixture("v1_account_custom.json"));
  CHECK(a.id == "acct_1Nv0FGQ9RKHgCVdK");
  CHECK(a.type == v1::Account::Type::custom);
  CHECK(a.business_type == v1::Account::BusinessType::company);
  CHECK(a.country == std::string("US"));
  CHECK(a.created == 1695830751);
  CHECK(a.default_currency == std::string("usd"));
  CHECK(a.email == std::string("jenny.rosen@example.com"));
  CHECK_FALSE(a.charges_enabled);
  CHECK_FALSE(a.payouts_enabled);
  CHECK(a.details_submitted);
  REQUIRE(a.business_profile);
  CHECK(a.business_profile->url == std::string("https://rocketrides.example"));
  CHECK(a.business_profile->estimated_worker_count == 12);
  CHECK_FALSE(a.business_profile->annual_revenue.has_value());
  CHECK(a.business_profile->support_address->line2 == std::nullopt);
  CHECK(a.capabilities.at("card_payments") == v1::Account::CapabilityStatus::inactive);
  CHECK(a.capabilities.at("transfers") == v1::Account::CapabilityStatus::pending);
  CHECK(a.capabilities.at("quantum_payments").value() == "inactive");  // a capability this SDK never heard of
  REQUIRE(a.controller);
  CHECK(a.controller->requirement_collection == v1::Account::Controller::RequirementCollection::application);
  CHECK(a.controller->stripe_dashboard->type == v1::Account::Controller::StripeDashboard::Type::none);
  CHECK(a.controller->fees->payer == "application");
  REQUIRE(a.requirements);
  const auto& r = *a.requirements;
  CHECK(r.current_deadline == 1700000000);
  CHECK(*r.currently_due == std::vector<std::string>{"company.tax_id", "representative.dob.day", "tos_acceptance.date"});
  CHECK(r.disabled_reason == std::string_view("requirements.past_due"));
  CHECK(r.disabled_reason->is_known());
  REQUIRE(r.errors->size() == 2);
  CHECK((*r.errors)[0].code == "verification_document_expired");
  CHECK((*r.errors)[0].code.is_known());
  CHECK((*r.errors)[0].requirement == "representative.verification.document");
  CHECK_FALSE((*r.errors)[1].code.is_known());
  CHECK((*r.errors)[1].code.value() == "invalid_value_future_code");
  CHECK(r.past_due->size() == 1);
  CHECK(r.pending_verification->at(0) == "representative.verification.document");
  CHECK(r.alternatives->at(0).alternative_fields_due.at(0) == "owners.verification.document");
  CHECK(a.future_requirements->eventually_due->at(0) == "company.tax_id_registrar");
  CHECK(a.company->name == std::string("Rocket Rides Inc."));
  CHECK(a.company->structure == std::string_view("private_corporation"));
  REQUIRE(a.company->address);
  CHECK(a.company->address->city == std::string("San Francisco"));
  REQUIRE(a.settings->payouts);
  CHECK(a.settings->payouts->schedule.interval == "daily");
  REQUIRE(a.external_accounts->data.size() == 1);
  REQUIRE(a.external_accounts->data.at(0).is_bank_account());
  CHECK(a.external_accounts->data.at(0).bank_account->last4 == "6789");
  CHECK(a.metadata.at("platform_user") == "u_42");
  CHECK_FALSE(a.tos_acceptance->date.has_value());
  CHECK(a.raw->at("id") == a.id);
}

TEST_CASE("decode an express account and a rejected account with null lists") {
  auto e = stripe::decode<v1::Account>(test_support::fixture("v1_account_express.json"));
  CHECK(e.type == v1::Account::Type::express);
  CHECK(e.controller->stripe_dashboard->type == v1::Account::Controller::StripeDashboard::Type::express);
  CHECK(e.controller->requirement_collection == "stripe");
  CHECK(e.tos_acceptance->date == 1700000200);
  CHECK(e.tos_acceptance->service_agreement == std::string("full"));
  CHECK(e.charges_enabled);
  CHECK(e.requirements->eventually_due->size() == 1);

  auto r = stripe::decode<v1::Account>(test_support::fixture("v1_account_rejected.json"));
  CHECK(r.requirements->disabled_reason == std::string_view("rejected.fraud"));
  CHECK_FALSE(r.requirements->currently_due.has_value());  // null is not the same as []
  CHECK_FALSE(r.business_type.has_value());
  CHECK_FALSE(r.email.has_value());
  CHECK_FALSE(r.controller.has_value());
}

TEST_CASE("decode a capabilities list") {
  auto list = stripe::decode<stripe::List<v1::Capability>>(test_support::fixture("v1_capabilities_list.json"));
  REQUIRE(list.data.size() == 2);
  CHECK_FALSE(list.has_more);
  CHECK(list.url == "/v1/accounts/acct_1Nv0FGQ9RKHgCVdK/capabilities");
  const auto& card = list.data[0];
  CHECK(card.id == "card_payments");
  CHECK(card.account.id == "acct_1Nv0FGQ9RKHgCVdK");
  CHECK_FALSE(card.account.is_expanded());
  CHECK(card.status == v1::Capability::Status::inactive);
  CHECK(card.requested);
  CHECK(card.requested_at == 1695830751);
  CHECK(card.requirements->disabled_reason == std::string_view("requirements.fields_needed"));
  CHECK(card.requirements->past_due.at(0) == "company.tax_id");
  CHECK(list.data[1].status == v1::Capability::Status::pending);
  CHECK(list.data[1].raw->at("id") == "transfers");
}

TEST_CASE("decode a v2 recipient account with requirement entries and capability status details") {
  auto a = stripe::decode<v2::Account>(test_support::fixture("v2_account_recipient.json"));
  CHECK(a.id == "acct_1V2RecipientCC");
  CHECK(a.created == "2026-11-20T10:15:30.000Z");
  CHECK(a.applied_configurations.at(0) == "recipient");
  CHECK(a.dashboard == std::string_view("express"));
  CHECK(a.display_name == std::string("FurEver"));
  CHECK(a.contact_email == std::string("furever@example.com"));
  CHECK(a.closed == false);
  CHECK(a.defaults->currency == std::string("usd"));
  CHECK(a.defaults->responsibilities.requirements_collector == "stripe");
  CHECK(a.identity->country == std::string("US"));
  CHECK(a.identity->business_details->registered_name == std::string("FurEver LLC"));
  const auto& transfers = a.configuration->recipient->capabilities->stripe_balance->stripe_transfers;
  REQUIRE(transfers);
  CHECK(transfers->status == "restricted");
  REQUIRE(transfers->status_details.size() == 1);
  CHECK(transfers->status_details[0].code == "requirements_past_due");
  CHECK(transfers->status_details[0].resolution == "provide_info");
  CHECK(a.configuration->recipient->capabilities->bank_accounts->local->status == "active");
  REQUIRE(a.requirements->entries.size() == 3);
  const auto& e0 = a.requirements->entries.at(0);
  CHECK(e0.awaiting_action_from == "user");
  CHECK(e0.description == "representative.id_number");
  CHECK(e0.minimum_deadline.status == "past_due");
  CHECK(e0.impact.restricts_capabilities.at(0).capability == "stripe_transfers");
  CHECK(e0.impact.restricts_capabilities.at(0).configuration == "recipient");
  CHECK(e0.reference->type == std::string_view("person"));
  CHECK(e0.requested_reasons.at(0).code == "routine_onboarding");
  const auto& e1 = a.requirements->entries.at(1);
  CHECK(e1.errors.at(0).code == "verification_document_expired");
  CHECK_FALSE(e1.reference.has_value());
  CHECK(a.requirements->entries.at(2).requested_reasons.at(0).code.value() == "future_requirements");
  CHECK(a.metadata.at("internal_id") == "42");
}

TEST_CASE("account link params encode to the exact wire string of the API reference") {
  v1::AccountLinkCreateParams p;
  p.account = "acct_1";
  p.type = v1::AccountLinkCreateParams::Type::account_onboarding;
  p.refresh_url = "https://example.com/reauth";
  p.return_url = "https://example.com/return";
  p.collection_options.emplace();
  p.collection_options->fields = v1::AccountLinkCreateParams::CollectionOptions::Fields::eventually_due;
  p.collection_options->future_requirements =
      v1::AccountLinkCreateParams::CollectionOptions::FutureRequirements::include;
  CHECK(stripe::form_encode(stripe::encode_params(p)) ==
        "account=acct_1&type=account_onboarding&refresh_url=https%3A%2F%2Fexample.com%2Freauth"
        "&return_url=https%3A%2F%2Fexample.com%2Freturn&collection_options[fields]=eventually_due"
        "&collection_options[future_requirements]=include");
}

TEST_CASE("account create params: controller, capabilities, prefill, metadata, extra params") {
  v1::AccountCreateParams p;
  p.controller.emplace();
  p.controller->fees.emplace().payer = "application";
  p.controller->losses.emplace().payments = "application";
  p.controller->requirement_collection = "application";
  p.controller->stripe_dashboard.emplace().type = "none";
  p.country = "US";
  p.email = "jenny@example.com";
  p.business_type = v1::AccountCreateParams::BusinessType::individual;
  p.business_profile.emplace().url = "https://jenny.example";
  p.capabilities.emplace();
  p.capabilities->card_payments.emplace().requested = true;
  p.capabilities->transfers.emplace().requested = true;
  p.individual.emplace().first_name = "Jenny";
  p.individual->dob = stripe::DateOfBirthParams{1, 2, 1990};
  p.individual->address.emplace().line1 = "1 Main St";
  p.metadata = std::map<std::string, std::optional<std::string>>{{"user", "42"}};
  p.extra_params = {{"settings", {{"payouts", {{"schedule", {{"interval", "manual"}}}}}}}};
  CHECK(stripe::form_encode(stripe::encode_params(p)) ==
        "business_profile[url]=https%3A%2F%2Fjenny.example&business_type=individual"
        "&capabilities[card_payments][requested]=true&capabilities[transfers][requested]=true"
        "&controller[fees][payer]=application&controller[losses][payments]=application"
        "&controller[requirement_collection]=application&controller[stripe_dashboard][type]=none"
        "&country=US&email=jenny%40example.com&individual[address][line1]=1%20Main%20St"
        "&individual[dob][day]=1&individual[dob][month]=2&individual[dob][year]=1990"
        "&individual[first_name]=Jenny&metadata[user]=42&settings[payouts][schedule][interval]=manual");
}

TEST_CASE("update params express absent, clear and set") {
  v1::AccountUpdateParams p;
  p.business_profile.emplace().support_url = stripe::clear;  // business_profile[support_url]=
  p.metadata = std::map<std::string, std::optional<std::string>>{{"old", std::nullopt}, {"new", "v"}};
  p.tos_acceptance.emplace().date = 1700000000;
  p.tos_acceptance->ip = "203.0.113.9";
  CHECK(stripe::form_encode(stripe::encode_params(p)) ==
        "business_profile[support_url]=&metadata[new]=v&metadata[old]=&tos_acceptance[date]=1700000000"
        "&tos_acceptance[ip]=203.0.113.9");
  v1::AccountUpdateParams all_metadata;
  all_metadata.metadata = stripe::clear;
  CHECK(stripe::form_encode(stripe::encode_params(all_metadata)) == "metadata=");
  CHECK(stripe::form_encode(stripe::encode_params(v1::AccountUpdateParams{})) == "");
}

TEST_CASE("a model's support address is the params address type, so it can be sent back as it is") {
  auto a = stripe::decode<v1::Account>(nlohmann::json::parse(
      R"({"id":"acct_1","object":"account","business_profile":{"support_address":{"city":"Berlin","country":"DE"}}})"));
  v1::AccountUpdateParams p;
  p.business_profile.emplace().support_address = a.business_profile->support_address;
  CHECK(stripe::form_encode(stripe::encode_params(p)) ==
        "business_profile[support_address][city]=Berlin&business_profile[support_address][country]=DE");
}

TEST_CASE("capability, reject and list params encode") {
  v1::CapabilityUpdateParams cap;
  cap.requested = true;
  cap.expand = std::vector<std::string>{"account"};
  CHECK(stripe::form_encode(stripe::encode_params(cap)) == "expand[0]=account&requested=true");
  v1::AccountRejectParams rej;
  rej.reason = v1::AccountRejectParams::Reason::fraud_other;
  CHECK(stripe::form_encode(stripe::encode_params(rej)) == "reason=fraud_other");
  v1::AccountListParams list;
  list.limit = 3;
  list.created = stripe::TimestampFilter{std::nullopt, 1700000000, std::nullopt, std::nullopt};
  list.starting_after = "acct_9";
  CHECK(stripe::form_encode(stripe::encode_params(list)) == "created[gte]=1700000000&limit=3&starting_after=acct_9");
}

TEST_CASE("v2 account link params encode to the JSON of the seed document") {
  v2::AccountLinkCreateParams p;
  p.account = "acct_1";
  p.use_case.type = v2::AccountLinkCreateParams::UseCase::Type::account_onboarding;
  auto& ob = p.use_case.account_onboarding.emplace();
  ob.configurations = std::vector<v2::AccountLinkCreateParams::UseCase::AccountOnboarding::Configurations>{"recipient"};
  ob.refresh_url = "https://example.com/reauth";
  ob.return_url = "https://example.com/return";
  ob.collection_options.emplace().fields = "eventually_due";
  CHECK(stripe::encode_params(p).dump() ==
        R"({"account":"acct_1","use_case":{"account_onboarding":{"collection_options":{"fields":"eventually_due"},)"
        R"("refresh_url":"https://example.com/reauth","return_url":"https://example.com/return",)"
        R"("configurations":["recipient"]},"type":"account_onboarding"}})");
}

TEST_CASE("v2 account create params encode configuration, identity and defaults; a null metadata value unsets it") {
  v2::AccountCreateParams p;
  p.contact_email = "furever@example.com";
  p.display_name = "FurEver";
  p.dashboard = "express";
  p.identity.emplace().country = "US";
  p.identity->entity_type = "company";
  p.configuration.emplace().recipient.emplace().capabilities.emplace().stripe_balance.emplace()
      .stripe_transfers.emplace().requested = true;
  p.defaults.emplace().responsibilities.emplace().fees_collector = "application";
  p.defaults->responsibilities->losses_collector = "application";
  p.include = std::vector<v2::AccountCreateParams::Include>{"configuration.recipient", "requirements"};
  auto j = stripe::encode_params(p);
  CHECK(j.at("configuration").at("recipient").at("capabilities").at("stripe_balance").at("stripe_transfers").at("requested") == true);
  CHECK(j.at("identity").at("entity_type") == "company");
  CHECK(j.at("defaults").at("responsibilities").at("fees_collector") == "application");
  CHECK(j.at("include") == nlohmann::ordered_json({"configuration.recipient", "requirements"}));
  CHECK(j.at("dashboard") == "express");

  v2::AccountUpdateParams u;
  u.display_name = "FurEver Grooming";
  u.metadata = std::map<std::string, std::optional<std::string>>{{"k", std::nullopt}};
  CHECK(stripe::encode_params(u).dump() == R"({"display_name":"FurEver Grooming","metadata":{"k":null}})");
}

TEST_CASE("services send each operation to its method and path") {
  Harness h;
  h.transport->set_fallback([](const stripe::http::Request& r) {
    if (r.url.find("/capabilities") != std::string::npos && r.url.find("card_payments") == std::string::npos)
      return stripe::http::Response{200, {}, test_support::fixture_text("v1_capabilities_list.json")};
    if (r.url.find("/capabilities/") != std::string::npos)
      return stripe::http::Response{200, {}, R"({"id":"card_payments","object":"capability","account":"acct_1","requested":true,"status":"pending"})"};
    if (r.url.find("/v1/account_links") != std::string::npos)
      return stripe::http::Response{200, {}, R"({"object":"account_link","created":1,"expires_at":301,"url":"https://connect.stripe.com/setup/x"})"};
    if (r.url.find("/v2/core/account_links") != std::string::npos)
      return stripe::http::Response{200, {}, R"({"object":"v2.core.account_link","account":"acct_1","created":"2026-01-01T00:00:00Z","expires_at":"2026-01-01T00:05:00Z","livemode":false,"url":"https://connect.stripe.com/x","use_case":{"type":"account_onboarding"}})"};
    if (r.url.find("/v2/") != std::string::npos)
      return stripe::http::Response{200, {}, test_support::fixture_text("v2_account_recipient.json")};
    if (r.method == stripe::http::Method::del)
      return stripe::http::Response{200, {}, R"({"id":"acct_1","object":"account","deleted":true})"};
    return stripe::http::Response{200, {}, test_support::fixture_text("v1_account_custom.json")};
  });
  auto& c = h.client;
  const std::string base = "https://api.stripe.com";

  v1::AccountCreateParams create;
  create.type = "express";
  CHECK(c.v1().accounts().create(create)->id == "acct_1Nv0FGQ9RKHgCVdK");
  CHECK((h.last().method == Method::post && h.last().url == base + "/v1/accounts" && h.last().body == "type=express"));

  v1::AccountRetrieveParams expand;
  expand.expand = std::vector<std::string>{"external_accounts"};
  c.v1().accounts().retrieve("acct_1", expand);
  CHECK(h.last().url == base + "/v1/accounts/acct_1?expand[0]=external_accounts");
  CHECK(h.last().method == Method::get);

  v1::AccountUpdateParams upd;
  upd.email = "new@example.com";
  c.v1().accounts().update("acct_1", upd);
  CHECK((h.last().url == base + "/v1/accounts/acct_1" && h.last().body == "email=new%40example.com"));

  CHECK(c.v1().accounts().del("acct_1")->deleted);
  CHECK((h.last().method == Method::del && h.last().url == base + "/v1/accounts/acct_1"));

  v1::AccountRejectParams rej;
  rej.reason = "fraud_other";
  c.v1().accounts().reject("acct_1", rej);
  CHECK((h.last().url == base + "/v1/accounts/acct_1/reject" && h.last().body == "reason=fraud_other"));
  CHECK_THROWS_AS(c.v1().accounts().reject("acct_1", v1::AccountRejectParams{}), stripe::InvalidParamsError);

  v1::AccountLinkCreateParams link;
  link.account = "acct_1";
  link.type = "account_onboarding";
  link.refresh_url = "http://localhost:4242/reauth";  // HTTP is fine with a test key
  link.return_url = "http://localhost:4242/return";
  CHECK(c.v1().account_links().create(link)->expires_at == 301);
  CHECK(h.last().url == base + "/v1/account_links");

  CHECK(c.v1().capabilities().list("acct_1")->data.size() == 2);
  CHECK(h.last().url == base + "/v1/accounts/acct_1/capabilities");
  CHECK(c.v1().capabilities().retrieve("acct_1", "card_payments")->status == "pending");
  CHECK(h.last().url == base + "/v1/accounts/acct_1/capabilities/card_payments");
  v1::CapabilityUpdateParams req;
  req.requested = true;
  c.v1().capabilities().update("acct_1", "card_payments", req);
  CHECK((h.last().method == Method::post && h.last().body == "requested=true"));

  v2::AccountCreateParams v2create;
  v2create.display_name = "FurEver";
  CHECK(c.v2().core().accounts().create(v2create)->id == "acct_1V2RecipientCC");
  CHECK((h.last().url == base + "/v2/core/accounts" && h.last().body == R"({"display_name":"FurEver"})"));
  v2::AccountRetrieveParams inc;
  inc.include = std::vector<v2::AccountRetrieveParams::Include>{"requirements", "configuration.recipient"};
  c.v2().core().accounts().retrieve("acct_1", inc);
  CHECK(h.last().url == base + "/v2/core/accounts/acct_1?include[0]=requirements&include[1]=configuration.recipient");
  v2::AccountUpdateParams v2upd;
  v2upd.contact_email = "x@example.com";
  c.v2().core().accounts().update("acct_1", v2upd);
  CHECK((h.last().url == base + "/v2/core/accounts/acct_1" && h.last().body == R"({"contact_email":"x@example.com"})"));
  v2::AccountCloseParams close;
  close.applied_configurations = std::vector<v2::AccountCloseParams::AppliedConfigurations>{"recipient"};
  c.v2().core().accounts().close("acct_1", close);
  CHECK((h.last().url == base + "/v2/core/accounts/acct_1/close" &&
         h.last().body == R"({"applied_configurations":["recipient"]})"));
  CHECK(h.last().headers.contains("Idempotency-Key"));

  v2::AccountLinkCreateParams v2link;
  v2link.account = "acct_1";
  v2link.use_case.type = "account_onboarding";
  v2link.use_case.account_onboarding.emplace().refresh_url = "https://example.com/reauth";
  v2link.use_case.account_onboarding->return_url = "https://example.com/return";
  CHECK(c.v2().core().account_links().create(v2link)->url == "https://connect.stripe.com/x");
  CHECK(h.last().url == base + "/v2/core/account_links");

  CHECK_THROWS_AS(c.v1().accounts().retrieve(""), stripe::InvalidParamsError);
  c.v1().accounts().retrieve("acct_1/../balance");
  CHECK(h.last().url == base + "/v1/accounts/acct_1%2F..%2Fbalance");
}

TEST_CASE("account link validation runs before sending") {
  Harness h;
  v1::AccountLinkCreateParams link;
  link.account = "acct_1";
  link.type = "account_onboarding";
  link.refresh_url = "https://example.com/reauth";
  link.return_url = "https://example.com/return";
  link.collect = "eventually_due";
  link.collection_options.emplace().fields = "eventually_due";
  CHECK_THROWS_AS(h.client.v1().account_links().create(link), stripe::InvalidParamsError);
  link.collection_options.reset();
  link.return_url = "not a url";
  try {
    h.client.v1().account_links().create(link);
    FAIL("expected InvalidParamsError");
  } catch (const stripe::InvalidParamsError& e) {
    CHECK(e.param() == "return_url");
    CHECK(std::string(e.what()).find("not a url") == std::string::npos);  // URLs are not echoed
  }
  // Live keys need HTTPS for v1; v2 needs it always.
  CHECK_NOTHROW(v1::AccountLinkService::validate(
      [] {
        v1::AccountLinkCreateParams p;
        p.account = "acct_1";
        p.type = "account_onboarding";
        p.refresh_url = "http://localhost/r";
        p.return_url = "http://localhost/x";
        return p;
      }(),
      "sk_test_x"));
  v1::AccountLinkCreateParams live;
  live.account = "acct_1";
  live.type = "account_onboarding";
  live.refresh_url = "http://example.com/r";
  live.return_url = "https://example.com/x";
  CHECK_THROWS_AS(v1::AccountLinkService::validate(live, "sk_live_x"), stripe::InvalidParamsError);
  v2::AccountLinkCreateParams v2link;
  v2link.account = "acct_1";
  v2link.use_case.type = "account_onboarding";
  v2link.use_case.account_onboarding.emplace().refresh_url = "http://localhost/reauth";
  CHECK_THROWS_AS(h.client.v2().core().account_links().create(v2link), stripe::InvalidParamsError);
  CHECK(h.transport->request_count() == 0);
}

namespace {
// A platform with `total` accounts, newest first, served as the v1 list API pages them.
stripe::http::Response v1_page(const stripe::http::Request& r, int total) {
  auto q = r.url.substr(r.url.find('?') + 1);
  auto params = stripe::form_decode(q);
  int limit = params.contains("limit") ? std::stoi(params["limit"].get<std::string>()) : 10;
  std::vector<int> ids;
  for (int i = total; i >= 1; --i) ids.push_back(i);  // descending, like Stripe
  auto pos_of = [&](const std::string& id) {
    int n = std::stoi(id.substr(5));
    return static_cast<std::size_t>(std::find(ids.begin(), ids.end(), n) - ids.begin());
  };
  std::size_t begin = 0, end = ids.size();
  if (params.contains("starting_after")) begin = pos_of(params["starting_after"].get<std::string>()) + 1;
  if (params.contains("ending_before")) {
    end = pos_of(params["ending_before"].get<std::string>());
    begin = end >= static_cast<std::size_t>(limit) ? end - static_cast<std::size_t>(limit) : 0;
  }
  nlohmann::json data = nlohmann::json::array();
  std::size_t stop = std::min(end, begin + static_cast<std::size_t>(limit));
  for (std::size_t i = begin; i < stop; ++i)
    data.push_back({{"id", "acct_" + std::to_string(ids[i])}, {"object", "account"}});
  bool has_more = params.contains("ending_before") ? begin > 0 : stop < ids.size();
  return {200, {}, nlohmann::json{{"object", "list"}, {"data", data}, {"has_more", has_more}, {"url", "/v1/accounts"}}.dump()};
}
}  // namespace

TEST_CASE("v1 auto-pagination walks forwards lazily, one page at a time") {
  Harness h;
  h.transport->set_fallback([](const stripe::http::Request& r) { return v1_page(r, 25); });
  v1::AccountListParams p;
  p.limit = 10;
  auto pager = h.client.v1().accounts().list_all(p);
  CHECK(h.transport->request_count() == 0);  // nothing fetched until iteration starts
  std::vector<std::string> seen;
  for (const auto& acct : pager) {
    seen.push_back(acct.id);
    if (seen.size() == 10) CHECK(h.transport->request_count() == 1);
  }
  REQUIRE(seen.size() == 25);
  CHECK(seen.front() == "acct_25");
  CHECK(seen.back() == "acct_1");
  CHECK(pager.pages_fetched() == 3);
  auto reqs = h.transport->requests();
  CHECK(reqs[1].url == "https://api.stripe.com/v1/accounts?limit=10&starting_after=acct_16");
  CHECK(reqs[2].url == "https://api.stripe.com/v1/accounts?limit=10&starting_after=acct_6");
}

TEST_CASE("v1 auto-pagination walks backwards with ending_before") {
  Harness h;
  h.transport->set_fallback([](const stripe::http::Request& r) { return v1_page(r, 25); });
  v1::AccountListParams p;
  p.limit = 10;
  p.ending_before = "acct_5";  // everything newer than acct_5, oldest first
  std::vector<std::string> seen;
  for (const auto& acct : h.client.v1().accounts().list_all(p)) seen.push_back(acct.id);
  REQUIRE(seen.size() == 20);
  CHECK(seen.front() == "acct_6");
  CHECK(seen.back() == "acct_25");
  CHECK(h.transport->requests()[1].url == "https://api.stripe.com/v1/accounts?ending_before=acct_15&limit=10");
}

TEST_CASE("v2 auto-pagination follows next_page_url verbatim and skips empty pages") {
  Harness h;
  h.transport->then_respond(200, R"({"data":[{"id":"acct_a"},{"id":"acct_b"}],"next_page_url":"/v2/core/accounts?page=p2"})")
      .then_respond(200, R"({"data":[],"next_page_url":"/v2/core/accounts?page=p3"})")
      .then_respond(200, R"({"data":[{"id":"acct_c"}],"next_page_url":null})");
  v2::AccountListParams p;
  p.limit = 2;
  std::vector<std::string> seen;
  for (const auto& a : h.client.v2().core().accounts().list_all(p)) seen.push_back(a.id);
  CHECK(seen == std::vector<std::string>{"acct_a", "acct_b", "acct_c"});
  auto reqs = h.transport->requests();
  REQUIRE(reqs.size() == 3);
  CHECK(reqs[0].url == "https://api.stripe.com/v2/core/accounts?limit=2");
  CHECK(reqs[1].url == "https://api.stripe.com/v2/core/accounts?page=p2");
  CHECK(reqs[2].url == "https://api.stripe.com/v2/core/accounts?page=p3");
}

TEST_CASE("a v2 next_page_url pointing at another host is refused") {
  Harness h;
  h.transport->then_respond(200, R"({"data":[{"id":"acct_a"}],"next_page_url":"https://evil.example/steal"})");
  std::vector<std::string> seen;
  CHECK_THROWS_AS([&] { for (const auto& a : h.client.v2().core().accounts().list_all()) seen.push_back(a.id); }(),
                  stripe::InvalidParamsError);
  CHECK(h.transport->request_count() == 1);
}

TEST_CASE("a typed call on a body of the wrong shape raises DecodeError with the request id") {
  Harness h;
  stripe::http::Headers hdr;
  hdr.add("Request-Id", "req_shape");
  h.transport->then_respond(200, R"({"id":"acct_1","charges_enabled":"yes"})", hdr);
  try {
    h.client.v1().accounts().retrieve("acct_1");
    FAIL("expected DecodeError");
  } catch (const stripe::DecodeError& e) {
    CHECK(e.request_id() == "req_shape");
    CHECK(std::string(e.what()).find("charges_enabled") != std::string::npos);
  }
}

TEST_CASE("integers out of the 64-bit range are a DecodeError, not undefined behaviour") {
  // Found by fuzz_decode: 1.6e25 in an integer field was converted without a range check.
  for (const char* created : {"1.6e25", "-1e19", "18446744073709551615", "1.5"}) {
    INFO(created);
    auto j = nlohmann::json::parse(std::string(R"({"id":"acct_1","created":)") + created + "}");
    CHECK_THROWS_AS(stripe::decode<v1::Account>(j), stripe::DecodeError);
  }
  auto ok = stripe::decode<v1::Account>(nlohmann::json::parse(R"({"created":1.7e9,"requirements":{"current_deadline":9223372036854775807}})"));
  CHECK(*ok.created == 1700000000);
  CHECK(*ok.requirements->current_deadline == INT64_MAX);
}

TEST_CASE("a nested object with a model's fields is that model: a token's bank account, a file's links") {
  auto token = stripe::decode<v1::Token>(nlohmann::json::parse(R"({
    "id": "btok_1", "object": "token", "type": "bank_account", "used": false,
    "bank_account": {"id": "ba_1", "object": "bank_account", "country": "US", "currency": "usd",
                     "last4": "6789", "status": "new", "future_field": 7}})"));
  static_assert(std::is_same_v<v1::Token::BankAccount, v1::BankAccount>);
  REQUIRE(token.bank_account);
  const v1::BankAccount& bank = *token.bank_account;
  CHECK(bank.id == "ba_1");
  CHECK(bank.last4 == "6789");
  CHECK(bank.raw->at("future_field") == 7);  // kept, as a list item or an expanded object keeps it

  auto file = stripe::decode<v1::File>(nlohmann::json::parse(R"({
    "id": "file_1", "object": "file", "purpose": "identity_document", "size": 9,
    "links": {"object": "list", "has_more": false, "url": "/v1/file_links?file=file_1",
              "data": [{"id": "link_1", "object": "file_link", "expired": false, "file": "file_1",
                        "url": "https://files.example/links/1"}]}})"));
  static_assert(std::is_same_v<v1::File::Links::Data, v1::FileLink>);
  REQUIRE(file.links);
  REQUIRE(file.links->data.size() == 1);
  CHECK(file.links->data[0].id == "link_1");
  CHECK(file.links->data[0].file.id == "file_1");
  CHECK_FALSE(file.links->data[0].file.is_expanded());
}
